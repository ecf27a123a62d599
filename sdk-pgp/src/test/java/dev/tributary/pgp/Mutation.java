package dev.tributary.pgp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One change to an input, for {@link DamagedInputFuzzTest}: a bit flipped, a byte set, bytes
 * deleted, inserted or duplicated, two ranges swapped, the end cut off, or (armored text) a change
 * to its characters and lines. {@code position} is where it starts (the cut for "truncate").
 *
 * @param kind the kind of change, e.g. "flip" or "text: line break removed"
 */
record Mutation(String kind, int position, String detail, byte[] bytes) {
  @Override
  public String toString() {
    return kind + " at " + position + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  static Mutation of(byte[] input, boolean armored, List<Integer> fragile, Random r) {
    if (armored && r.nextInt(3) == 0) {
      return TextMutation.of(input, r);
    }
    int n = input.length;
    int pos = position(n, fragile, r);
    switch (r.nextInt(9)) {
      case 0 -> {
        byte[] b = input.clone();
        int bit = r.nextInt(8);
        b[pos] ^= (byte) (1 << bit);
        return new Mutation("flip", pos, "bit " + bit, b);
      }
      case 1, 2 -> {
        byte[] b = input.clone();
        int v =
            switch (r.nextInt(3)) {
              case 0 -> 0x00;
              case 1 -> 0xFF;
              default -> r.nextInt(256);
            };
        b[pos] = (byte) v;
        return new Mutation("set", pos, String.format("0x%02X", v), b);
      }
      case 3 -> {
        int len = Math.min(1 + r.nextInt(16), n - pos);
        return new Mutation("delete", pos, len + " bytes", splice(input, pos, len, new byte[0]));
      }
      case 4 -> {
        byte[] ins = new byte[1 + r.nextInt(16)];
        r.nextBytes(ins);
        return new Mutation(
            "insert", pos, ins.length + " random bytes", splice(input, pos, 0, ins));
      }
      case 5, 6 -> {
        int cut = r.nextBoolean() ? pos : r.nextInt(n);
        return new Mutation("truncate", cut, "to " + cut + " of " + n, Arrays.copyOf(input, cut));
      }
      case 7 -> {
        int len = Math.min(1 + r.nextInt(64), n - pos);
        byte[] range = Arrays.copyOfRange(input, pos, pos + len);
        return new Mutation("duplicate", pos, len + " bytes", splice(input, pos, 0, range));
      }
      default -> {
        int len = 1 + r.nextInt(16);
        int a = Math.min(pos, n - 2 * len);
        int b = a + len + r.nextInt(Math.max(1, n - a - 2 * len + 1));
        if (a < 0 || b + len > n) {
          return new Mutation("truncate", pos, "to " + pos + " of " + n, Arrays.copyOf(input, pos));
        }
        byte[] out = input.clone();
        System.arraycopy(input, b, out, a, len);
        System.arraycopy(input, a, out, b, len);
        return new Mutation("swap", a, len + " bytes with those at " + b, out);
      }
    }
  }

  /**
   * Half of the positions in the first 200 bytes, where headers and lengths are, or (half of those,
   * in binary data) at a packet header, a partial-body length or the encrypted data's header
   * fields.
   */
  static int position(int n, List<Integer> fragile, Random r) {
    int pick = r.nextInt(4);
    if (pick == 0 && !fragile.isEmpty()) {
      return fragile.get(r.nextInt(fragile.size()));
    }
    return pick < 2 ? r.nextInt(Math.min(n, 200)) : r.nextInt(n);
  }

  static byte[] splice(byte[] input, int at, int remove, byte[] insert) {
    byte[] out = new byte[input.length - remove + insert.length];
    System.arraycopy(input, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(input, at + remove, out, at + insert.length, input.length - at - remove);
    return out;
  }

  /** Changes to armored text: its characters, line breaks, header lines and armor lines. */
  static final class TextMutation {
    private static final String CHARACTERS = "A/+=-: \t\r\n\u0000\u00e9~.";

    static Mutation of(byte[] input, Random r) {
      String text = new String(input, StandardCharsets.ISO_8859_1);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int line = r.nextInt(Math.min(lines.size(), r.nextBoolean() ? 6 : lines.size()));
      String kind;
      switch (r.nextInt(8)) {
        case 0 -> {
          int pos = Mutation.position(text.length(), List.of(), r);
          char c = CHARACTERS.charAt(r.nextInt(CHARACTERS.length()));
          return text(
              "text: character replaced",
              pos,
              String.format("U+%04X", (int) c),
              text.substring(0, pos) + c + text.substring(pos + 1));
        }
        case 1 -> {
          lines.remove(line);
          kind = "text: line removed";
        }
        case 2 -> {
          lines.add(line, lines.get(line));
          kind = "text: line duplicated";
        }
        case 3 -> {
          String[] headers = {
            "Comment: damaged ", "Version: 1", "Hash: SHA256", "NoColon", ": empty key", "Charset"
          };
          lines.add(Math.min(1, lines.size()), headers[r.nextInt(headers.length)]);
          kind = "text: header line added";
        }
        case 4 -> {
          int i = r.nextInt(lines.size() - 1);
          lines.set(i, lines.get(i) + lines.remove(i + 1));
          kind = "text: line break removed";
          line = i;
        }
        case 5 -> {
          String l = lines.get(line);
          int cut = l.isEmpty() ? 0 : r.nextInt(l.length());
          lines.set(line, l.substring(0, cut));
          lines.add(line + 1, l.substring(cut));
          kind = "text: line broken";
        }
        case 6 -> {
          lines.set(line, lines.get(line) + (r.nextBoolean() ? " " : "\r"));
          kind = "text: whitespace appended";
        }
        default -> {
          // The checksum line or the armor lines, where they are.
          int last = lines.size() - 1;
          while (last > 0 && lines.get(last).isBlank()) {
            last--;
          }
          line = r.nextBoolean() ? 0 : r.nextBoolean() ? last : Math.max(0, last - 1);
          String l = lines.get(line);
          lines.set(line, l.isEmpty() ? "=" : l.substring(0, r.nextInt(l.length())));
          kind = "text: armor line cut";
        }
      }
      return text(kind, line, "line " + line, String.join("\n", lines));
    }

    private static Mutation text(String kind, int position, String detail, String text) {
      return new Mutation(kind, position, detail, text.getBytes(StandardCharsets.ISO_8859_1));
    }
  }
}

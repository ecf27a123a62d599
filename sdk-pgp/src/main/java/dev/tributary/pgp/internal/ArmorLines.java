package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The lines of ASCII armor as GnuPG reads them, which Sequoia reads too: a line ends in LF, and
 * spaces, tabs and CRs before the LF are trailing whitespace; so LF, CR LF and any mixture of the
 * two are read alike. BouncyCastle refuses armor header lines whose endings differ ("inconsistent
 * line endings in headers"), so the armor header lines are read here and BouncyCastle is given only
 * the data. A CR followed by more text on a line of the armor headers is a line ending of its own,
 * which GnuPG refuses, and so do we, naming the line; in the data a CR is whitespace to all three.
 * Stateless.
 */
final class ArmorLines {
  /** The longest armor header line read, as BouncyCastle's default limit. */
  static final int LONGEST = 4096;

  /** The most armor headers read, as BouncyCastle's default limit. */
  static final int MOST_HEADERS = 64;

  private static final String KEY = "the armored key";

  /**
   * The last line of base64 data, whole groups of four characters, with the checksum line ({@code
   * =} and four characters) joined to it, as copying and pasting can leave it. It reads one way
   * only, since no base64 follows padding, and GnuPG and Sequoia read it so: the checksum is put
   * back on a line of its own, where it is checked as any other.
   */
  private static final Pattern JOINED_CHECKSUM = joinedChecksum("[A-Za-z0-9+/]");

  private ArmorLines() {}

  /** {@link #JOINED_CHECKSUM}, with {@code b64} the class of base64 characters. */
  private static Pattern joinedChecksum(String b64) {
    String groups = "(?:" + b64 + "{4})*(?:" + b64 + "{4}|" + b64 + "{3}=|" + b64 + "{2}==)";
    return Pattern.compile("(\\s*" + groups + ")\\h*(=" + b64 + "{4})");
  }

  /**
   * Reads the armor header line {@code -----BEGIN PGP <block>-----}, the armor headers and the
   * blank line after them from {@code in}, which holds nothing before the header line but
   * whitespace, and leaves {@code in} at the first line of data. Reads octet by octet: give it a
   * buffered stream.
   *
   * @return why the lines are refused, or {@code null} if they are read
   */
  static @Nullable String skipHeaders(InputStream in, String block) throws IOException {
    String subject = "the armored " + block.toLowerCase(Locale.ROOT);
    int lineNumber = 1;
    int c;
    while ((c = in.read()) == ' ' || c == '\t' || c == '\r' || c == '\n') {
      lineNumber += c == '\n' ? 1 : 0;
    }
    if (c < 0) {
      return null;
    }
    StringBuilder line = new StringBuilder().append((char) c);
    for (int headers = 0; ; lineNumber++, headers++) {
      boolean ended = readLine(in, line);
      String problem = problem(line, lineNumber, headers, block, subject);
      if (problem != null || line.length() == 0 || !ended) {
        return problem;
      }
      line.setLength(0);
    }
  }

  /** Reads up to {@link #LONGEST} octets of a line into {@code line}, and its LF; false at EOF. */
  private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (line.length() < LONGEST) {
        line.append((char) c);
      }
    }
    stripEnd(line);
    return c >= 0;
  }

  private static @Nullable String problem(
      StringBuilder line, int lineNumber, int headers, String block, String subject) {
    if (line.indexOf("\r") >= 0) {
      return crOnly(subject, lineNumber);
    }
    if (headers == 0) {
      return line.toString().equals("-----BEGIN PGP " + block + "-----")
          ? null
          : textAfterHeaderLine(block);
    }
    if (line.length() == 0) {
      return null;
    }
    if (line.indexOf(":") < 0) {
      return notAHeader(subject, lineNumber);
    }
    if (headers > MOST_HEADERS || line.length() >= LONGEST) {
      return subject
          + " has more or longer armor headers than are read (at most "
          + MOST_HEADERS
          + " lines of fewer than "
          + LONGEST
          + " characters)";
    }
    return null;
  }

  /**
   * Whether {@code label} (what stands between {@code -----BEGIN PGP } and {@code -----}) names a
   * kind of armored block (RFC 9580, section 6.2, and the cleartext signature's SIGNED MESSAGE):
   * what is not was damaged, and is not quoted back.
   */
  static boolean isLabel(String label) {
    return switch (label) {
      case "MESSAGE", "PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK", "SIGNATURE", "SIGNED MESSAGE" ->
          true;
      default -> label.matches("MESSAGE, PART [0-9]{1,9}(/[0-9]{1,9})?");
    };
  }

  /**
   * Armored keys, {@code text}, with LF line endings and no trailing whitespace, for BouncyCastle
   * to read; binary data or other text comes back unchanged but for that.
   *
   * @throws PgpKeyException if a line of armor headers ends in CR only or is not a header
   */
  static String normalizeKeys(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder line = new StringBuilder();
    boolean inHeaders = false;
    for (int i = 0; i < lines.length; i++) {
      line.setLength(0);
      line.append(lines[i]);
      stripEnd(line);
      String stripped = line.toString().strip();
      boolean headerLine = stripped.startsWith("-----BEGIN PGP ");
      if ((inHeaders || headerLine) && line.indexOf("\r") >= 0) {
        throw new PgpKeyException(crOnly(KEY, i + 1));
      }
      if (inHeaders && !headerLine && !stripped.isEmpty() && stripped.indexOf(':') < 0) {
        throw new PgpKeyException(notAHeader(KEY, i + 1));
      }
      inHeaders = headerLine || (inHeaders && !stripped.isEmpty());
      Matcher joined = JOINED_CHECKSUM.matcher(line);
      if (i < lines.length - 1
          && lines[i + 1].strip().startsWith("-----END PGP ")
          && joined.matches()) {
        String checksum = joined.group(2);
        line.setLength(joined.end(1));
        line.append('\n').append(checksum);
      }
      out.append(line).append(i < lines.length - 1 ? "\n" : "");
    }
    return out.toString();
  }

  /** Removes trailing spaces, tabs and CRs; GnuPG's trailing whitespace. */
  static void stripEnd(StringBuilder line) {
    int n = line.length();
    while (n > 0 && isTrailingSpace(line.charAt(n - 1))) {
      n--;
    }
    line.setLength(n);
  }

  static boolean isTrailingSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /**
   * Why a line of armor headers that holds a CR before more text is refused.
   *
   * @param subject what was read: "the armored message"
   */
  static String crOnly(String subject, int lineNumber) {
    return "line "
        + lineNumber
        + " of "
        + subject
        + " ends in CR only (a carriage return without a line feed): armor lines end in LF or"
        + " CR LF, and GnuPG refuses this too; convert the line endings";
  }

  /** Why a line among the armor headers that is neither a header nor blank is refused. */
  static String notAHeader(String subject, int lineNumber) {
    return "line "
        + lineNumber
        + " of "
        + subject
        + " is neither an armor header (Name: value) nor the blank line that ends the armor"
        + " headers: the blank line after the header line is missing, or the armor was changed";
  }

  /**
   * Why an armor header line with text after its closing dashes is refused, as GnuPG does;
   * BouncyCastle would read it and ignore the rest of the line. RFC 9580 (section 6.2) allows
   * nothing but whitespace there.
   */
  static String textAfterHeaderLine(String block) {
    return "the armored "
        + block.toLowerCase(Locale.ROOT)
        + " has text after its armor header line -----BEGIN PGP "
        + block
        + "----- on the same line: nothing but whitespace may follow it there (RFC 9580,"
        + " section 6.2)";
  }
}

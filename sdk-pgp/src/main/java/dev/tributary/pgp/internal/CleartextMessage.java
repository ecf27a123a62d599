package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.jspecify.annotations.Nullable;

/**
 * A message in the cleartext signature framework (RFC 9580, section 7), read: its {@code Hash:}
 * headers, its text with the dash-escaping undone and each line's trailing spaces, tabs and CRs
 * removed (they are not signed), and its signatures. The text is held in memory, up to {@link
 * #MAX_TEXT_BYTES}: its signatures come after it, and only they say how to hash it. Immutable.
 *
 * <p>Reading sees an interrupt of its thread within {@value Interrupts#EVERY} bytes of text: {@link
 * #read} throws an {@link java.io.InterruptedIOException} and the flag stays set.
 */
final class CleartextMessage {
  static final String HEADER = "-----BEGIN PGP SIGNED MESSAGE-----";

  /** What an interrupt stops, for {@link Interrupts#check}. */
  static final String READING = "reading the signed message";

  private static final String SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

  private final byte[] text;
  private final int signedLength;
  private final Set<String> hashes;
  private final List<PGPSignature> signatures;

  private CleartextMessage(
      byte[] text, int signedLength, Set<String> hashes, List<PGPSignature> signatures) {
    this.text = text;
    this.signedLength = signedLength;
    this.hashes = hashes;
    this.signatures = signatures;
  }

  /** The lines, each with its line ending (LF or CRLF); not a copy. */
  byte[] text() {
    return text;
  }

  /** How much of {@link #text} is signed: all but the last line ending, the framework's. */
  int signedLength() {
    return signedLength;
  }

  /** The hash algorithms the {@code Hash:} headers name, upper case; empty if none. */
  Set<String> hashes() {
    return hashes;
  }

  List<PGPSignature> signatures() {
    return signatures;
  }

  /** The most octets of text read: cleartext signatures are for texts people read. */
  static final int MAX_TEXT_BYTES = 1 << 26;

  /** The name of hash algorithm {@code id} in a {@code Hash:} header (RFC 9580, section 9.5). */
  static String hashName(int id) {
    return switch (id) {
      case HashAlgorithmTags.MD5 -> "MD5";
      case HashAlgorithmTags.SHA1 -> "SHA1";
      case HashAlgorithmTags.RIPEMD160 -> "RIPEMD160";
      case HashAlgorithmTags.SHA256 -> "SHA256";
      case HashAlgorithmTags.SHA384 -> "SHA384";
      case HashAlgorithmTags.SHA512 -> "SHA512";
      case HashAlgorithmTags.SHA224 -> "SHA224";
      case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
      case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
      default -> "ID " + id;
    };
  }

  /** The names RFC 9580 (table 23) gives hash algorithms, as {@link #hashName} writes them. */
  private static final Set<String> HASH_NAMES =
      Set.of(
          "MD5",
          "SHA1",
          "RIPEMD160",
          "SHA256",
          "SHA384",
          "SHA512",
          "SHA224",
          "SHA3-256",
          "SHA3-512");

  /**
   * The first name in the {@code Hash:} headers that is no hash algorithm's ("NOTAHASH", or empty
   * between two commas), or null: RFC 9580 (section 6.2.2.3) has a verifier validate no signature
   * of a message whose {@code Hash:} header is not a list of hash algorithms, as gpg and OpenPGP.js
   * refuse it.
   */
  @Nullable String notAHashName() {
    for (String h : hashes) {
      if (!HASH_NAMES.contains(h)) {
        return h;
      }
    }
    return null;
  }

  /** Whether {@code head}, the first octets of some data, starts a cleartext-signed message. */
  static boolean starts(byte[] head) {
    return new String(head, StandardCharsets.ISO_8859_1).stripLeading().startsWith(HEADER);
  }

  /** Reads the message from {@code in}, which {@link #starts}, to the end of its signatures. */
  static CleartextMessage read(InputStream source) throws IOException {
    Lines in = new Lines(source);
    String line = line(in, null);
    while (line != null && line.isBlank()) {
      line = line(in, null);
    }
    if (line == null || !line.strip().equals(HEADER)) {
      throw malformed("its first line is not " + HEADER);
    }
    Set<String> hashes = new LinkedHashSet<>();
    while (true) {
      line = required(line(in, null), "headers");
      if (line.isBlank()) {
        break;
      }
      if (!line.startsWith("Hash:")) {
        throw malformed("its armor headers may only be Hash: headers");
      }
      for (String h : line.substring(5).split(",", -1)) {
        hashes.add(h.strip().toUpperCase(Locale.ROOT));
      }
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int lastEnding = 0;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    long nextCheck = 0;
    byte[] held;
    try {
      // At the line's start only: " -----BEGIN PGP SIGNATURE-----" is text, which signers do not
      // dash-escape (it does not start with '-'), and GnuPG and Sequoia read it as text.
      while (!required(line(in, raw), "text").stripTrailing().equals(SIGNATURE)) {
        lastEnding = appendLine(raw.toByteArray(), text);
        if (text.size() >= nextCheck) {
          Interrupts.check(READING);
          nextCheck = text.size() + Interrupts.EVERY;
        }
        if (text.size() > MAX_TEXT_BYTES) {
          throw new PgpDataException(
              Reason.TOO_LARGE,
              "the cleartext-signed message's text is larger than "
                  + MAX_TEXT_BYTES
                  + " bytes; ask for a one-pass signed message (gpg --sign) for data this large");
        }
      }
      held = text.toByteArray();
    } catch (OutOfMemoryError e) {
      // The text's buffer doubling (or its final copy) found no room: one large allocation that
      // failed, and everything it would have held is dropped with this frame. Below
      // MAX_TEXT_BYTES, a small heap (such as -Xmx64m) is the limit, not the message.
      throw new PgpDataException(
          Reason.TOO_LARGE,
          "the cleartext-signed message's text does not fit in this JVM's heap (more than "
              + text.size()
              + " bytes read, and the heap holds at most "
              + Runtime.getRuntime().maxMemory()
              + " bytes): its signatures come after it, so all of it is held to check them; give"
              + " the JVM more heap (-Xmx), or ask for a one-pass signed message (gpg --sign)"
              + " for data this large");
    }
    InputStream signatures =
        new SequenceInputStream(
            new ByteArrayInputStream((SIGNATURE + "\n").getBytes(StandardCharsets.US_ASCII)), in);
    return new CleartextMessage(
        held, text.size() - lastEnding, hashes, DetachedSignatures.readSignatures(signatures));
  }

  /**
   * Appends the line {@code raw} (with its ending) to {@code text}, undoing its dash-escape and
   * removing its trailing whitespace; returns the length of its line ending.
   */
  private static int appendLine(byte[] raw, ByteArrayOutputStream text) {
    int start = 0;
    if (raw.length > 0 && raw[0] == '-') {
      if (raw.length < 2 || raw[1] != ' ') {
        throw malformed(
            "a line of its text starts with '-' but is not dash-escaped (\"- \"), so it cannot be"
                + " told from the framework's lines");
      }
      start = 2;
    }
    boolean lf = raw.length > 0 && raw[raw.length - 1] == '\n';
    boolean crlf = lf && raw.length > 1 && raw[raw.length - 2] == '\r';
    int end = raw.length - (lf ? 1 : 0);
    while (end > start && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\r')) {
      end--;
    }
    text.write(raw, start, end - start);
    byte[] ending = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
    text.write(ending, 0, ending.length);
    return ending.length;
  }

  /**
   * The next line of {@code in} as ISO-8859-1 text, without its ending, or {@code null} at the end;
   * {@code raw}, if given, receives its octets with the ending.
   */
  private static @Nullable String line(Lines in, @Nullable ByteArrayOutputStream raw)
      throws IOException {
    ByteArrayOutputStream bytes = raw != null ? raw : new ByteArrayOutputStream();
    bytes.reset();
    long nextCheck = Interrupts.EVERY;
    boolean ended = false;
    while (!ended && in.fill()) {
      ended = in.moveLine(bytes);
      if (bytes.size() >= nextCheck) {
        Interrupts.check(READING); // a line may be all of the text
        nextCheck = bytes.size() + Interrupts.EVERY;
      }
      if (bytes.size() > MAX_TEXT_BYTES) {
        throw malformed("a line of it is longer than " + MAX_TEXT_BYTES + " bytes");
      }
    }
    if (!ended && bytes.size() == 0) {
      return null;
    }
    String s = bytes.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The message's octets, read in blocks: a text of millions of lines read octet by octet through
   * {@code BufferedInputStream.read()} and {@code ByteArrayOutputStream.write(int)}, both
   * synchronized, took seconds (a 48 MiB text 3.8 s). What a block holds beyond the signature line
   * is read from here too, by the signatures' reader.
   */
  private static final class Lines extends InputStream {
    private final InputStream in;
    private final byte[] block = new byte[8192];
    private int pos;
    private int end;

    Lines(InputStream in) {
      this.in = in;
    }

    /** Whether an octet is at hand, reading a block if none is; false at the end. */
    boolean fill() throws IOException {
      while (pos == end) {
        int n = in.read(block, 0, block.length);
        if (n < 0) {
          return false;
        }
        pos = 0;
        end = n;
      }
      return true;
    }

    /**
     * Moves the octets at hand up to and including the next LF to {@code line}; whether it moved
     * the LF (the line ended).
     */
    boolean moveLine(ByteArrayOutputStream line) {
      int start = pos;
      int stop = start;
      while (stop < end && block[stop] != '\n') {
        stop++;
      }
      boolean ended = stop < end;
      pos = ended ? stop + 1 : stop;
      line.write(block, start, pos - start);
      return ended;
    }

    @Override
    public int read() throws IOException {
      return fill() ? block[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(block, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static String required(@Nullable String line, String where) {
    if (line == null) {
      throw malformed(
          "it ends in its " + where + ", before its -----BEGIN PGP SIGNATURE----- line");
    }
    return line;
  }

  private static PgpDataException malformed(String problem) {
    return new PgpDataException(
        Reason.MALFORMED, "the cleartext-signed message is malformed: " + problem);
  }
}

package dev.tributary.pgp;

import dev.tributary.pgp.Packets.Packet;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcSessionKeyDataDecryptorFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where the SEIPD v2 packet of a binary message holds its chunks and its final authentication tag
 * (RFC 9580, 5.13.2: version, cipher, AEAD mode, chunk size octet, 32 octets of salt; then each
 * chunk's ciphertext and its 16-octet tag; then the final tag over the whole length), through the
 * partial-body lengths, for {@link ForeignMessageFuzzTest}: to damage each part, and to bound the
 * plaintext a stream may hand out before the damaged chunk. GnuPG 2.4's AEAD Encrypted Data packet
 * (tag 20, version 1; LibrePGP, 5.16) is laid out alike, with the AEAD mode's starting IV (OCB: 15
 * octets) where SEIPD v2 has its salt; GnuPG's empty chunk after content that fills its last chunk
 * (see {@link Rfc9580Packets#gnupgAeadBody}) counts as a chunk of its own.
 */
final class SeipdV2Chunks {
  private static final int TAG = 16;

  /** Version, cipher, AEAD mode, chunk size octet, and the salt (SEIPD v2) or the IV (tag 20). */
  private final int header;

  /** Whether this is GnuPG's AEAD Encrypted Data packet (tag 20), not SEIPD v2. */
  private final boolean gnupg;

  /** "salt" or "IV": what follows the chunk size octet. */
  private final String nonceName;

  /** Plaintext octets per chunk: 2^(c + 6). */
  final int chunkSize;

  /** How many chunks, the last one possibly short (or empty). */
  final int chunks;

  /** The message offset of each octet of the packet's content, partial-body lengths left out. */
  private final int[] content;

  /** Where the packet starts (its header) and ends in the message. */
  private final int start;

  private final int end;

  /** The packet as it was, header to end, and the message's length. */
  private final byte[] packet;

  private final int messageLength;

  private SeipdV2Chunks(
      int chunkSize,
      int header,
      String nonceName,
      int[] content,
      int start,
      int end,
      byte[] packet,
      int messageLength) {
    this.chunkSize = chunkSize;
    this.header = header;
    this.nonceName = nonceName;
    this.gnupg = nonceName.equals("IV");
    this.content = content;
    this.start = start;
    this.end = end;
    this.packet = packet;
    this.messageLength = messageLength;
    int sealed = content.length - header - TAG;
    this.chunks = Math.max(1, (sealed + chunkSize + TAG - 1) / (chunkSize + TAG));
  }

  /** The layout of {@code m}'s SEIPD v2 or tag 20 packet, or null if it has neither. */
  static @Nullable SeipdV2Chunks of(byte[] m, List<Packet> packets) {
    for (Packet p : packets) {
      boolean v2 = p.tag() == 18 && p.body() < p.end() && m[p.body()] == 2;
      boolean gnupg = p.tag() == 20 && p.body() + 3 < p.end() && m[p.body()] == 1;
      // The IV's length by the AEAD mode (LibrePGP, 5.16): EAX 16, OCB 15.
      int header = v2 ? 4 + 32 : gnupg ? 4 + (m[p.body() + 2] == 1 ? 16 : 15) : -1;
      if (header > 0 && p.end() - p.body() > header + TAG) {
        Set<Integer> lengths = new HashSet<>(p.lengths());
        int[] content = new int[p.end() - p.body() - lengths.size()];
        int n = 0;
        for (int i = p.body(); i < p.end(); i++) {
          if (!lengths.contains(i)) {
            content[n++] = i;
          }
        }
        int chunkSize = 1 << Math.min(24, (m[p.body() + 3] & 0xff) + 6);
        return new SeipdV2Chunks(
            chunkSize,
            header,
            v2 ? "salt" : "IV",
            content,
            p.start(),
            p.end(),
            Arrays.copyOfRange(m, p.start(), p.end()),
            m.length);
      }
    }
    return null;
  }

  private int start(int chunk) {
    return header + chunk * (chunkSize + TAG);
  }

  private int tag(int chunk) {
    return chunk == chunks - 1 ? content.length - 2 * TAG : start(chunk) + chunkSize;
  }

  private int finalTag() {
    return content.length - TAG;
  }

  /** Plaintext octets inside the encryption. */
  int innerLength() {
    return content.length - header - TAG - chunks * TAG;
  }

  /**
   * The chunks whose ciphertext and tag {@code m} leaves whole: all when the packet is still whole
   * ({@link #whole}); else those before the octet it changed (or cut the message at), all after the
   * packet, none before it; -1 when it changed the packet's header or a partial-body length, which
   * frames the content anew from there (a shorter piece cuts it off later, at any chunk).
   */
  int chunksBefore(Mutation m) {
    if (whole(m.bytes())) {
      return chunks;
    }
    int at = m.position();
    if (at < start || at >= end) {
      return at < start ? 0 : chunks;
    }
    int index = Arrays.binarySearch(content, at);
    if (index < 0 && !m.kind().equals("truncate")) {
      return -1;
    }
    int before = index >= 0 ? index : -index - 1; // content octets before the offset
    int whole = 0;
    while (whole < chunks && tag(whole) + TAG <= before) {
      whole++;
    }
    return whole;
  }

  /**
   * Whether {@code damaged} still holds the packet whole: octets inserted into its last ones push
   * as many out of its end, where they follow it; a session key given alone opens it moved before
   * the session key packets.
   */
  private boolean whole(byte[] damaged) {
    for (int i = 0; i + packet.length <= damaged.length; i++) {
      if (damaged[i] == packet[0]
          && Arrays.equals(damaged, i, i + packet.length, packet, 0, packet.length)) {
        // Where it was in a message of its length: the message itself, which a caller passes to
        // ask by the position alone (StreamedPlaintextOnFailureTest).
        return i != start || damaged.length != messageLength;
      }
    }
    return false;
  }

  /**
   * {@code m} (the message this layout is of) as BouncyCastle reads it: when its tag 20 packet ends
   * in GnuPG's empty chunk ({@link Rfc9580Packets#gnupgAeadBody}), without it, in one piece. Our
   * decryption reads past that chunk itself ({@code GnupgEmptyChunk}); BouncyCastle's, which {@link
   * #innerPackets} uses, takes it for damage.
   */
  byte[] withoutEmptyChunk(byte[] m) {
    int last = chunks - 1;
    if (!gnupg || last < 1 || start(last) != tag(last)) {
      return m;
    }
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < content.length; i++) {
      if (i < tag(last) || i >= tag(last) + TAG) {
        body.write(m[content[i]]);
      }
    }
    return Rfc9580Packets.concat(
        Arrays.copyOf(m, start),
        Rfc9580Packets.packet(Rfc9580Packets.TAG_AEAD, body.toByteArray()),
        Arrays.copyOfRange(m, end, m.length));
  }

  /** Where in the packet {@code messageOffset} lies, for the fuzz summary. */
  String part(int messageOffset) {
    int index = Arrays.binarySearch(content, messageOffset);
    if (index < 0) {
      return "partial-body length";
    }
    if (index < 4) {
      return index == 0 ? "version" : "cipher, AEAD mode or chunk size";
    }
    if (index < header) {
      return nonceName;
    }
    if (index >= finalTag()) {
      return "final tag";
    }
    int chunk = Math.min((index - header) / (chunkSize + TAG), chunks - 1);
    String which = chunk == 0 ? "first chunk" : chunk == chunks - 1 ? "last chunk" : "a chunk";
    return which + (index >= tag(chunk) ? "'s tag" : "");
  }

  /**
   * Message offsets to flip a bit at: the cipher, AEAD mode, chunk size and salt or IV; in the
   * first three chunks, one in the middle and the last three, the first, a middle and the last
   * octet of the ciphertext and the first and last of the tag; the first and last octet of the
   * final tag.
   */
  Set<Integer> flips() {
    Set<Integer> at = new TreeSet<>(List.of(1, 2, 3, 4, header - 1, finalTag(), finalTag() + 15));
    for (int c : someChunks()) {
      at.addAll(List.of(start(c), (start(c) + tag(c)) / 2, tag(c) - 1, tag(c), tag(c) + TAG - 1));
    }
    return offsets(at);
  }

  /** Message offsets to cut at: each such chunk's start, inside its tag, and in the final tag. */
  Set<Integer> cuts() {
    Set<Integer> at = new TreeSet<>(List.of(header, finalTag(), finalTag() + 8));
    for (int c : someChunks()) {
      at.addAll(List.of(start(c), tag(c), tag(c) + 8));
    }
    return offsets(at);
  }

  private List<Integer> someChunks() {
    List<Integer> some = new ArrayList<>();
    for (int c : new int[] {0, 1, 2, chunks / 2, chunks - 3, chunks - 2, chunks - 1}) {
      if (c >= 0 && c < chunks && !some.contains(c) && start(c) <= tag(c)) {
        some.add(c);
      }
    }
    return some;
  }

  private Set<Integer> offsets(Set<Integer> contentIndexes) {
    Set<Integer> offsets = new TreeSet<>();
    for (int i : contentIndexes) {
      if (i >= 0 && i < content.length) {
        offsets.add(content[i]);
      }
    }
    return offsets;
  }

  /**
   * The packets inside {@code message}'s encryption, decrypted with BouncyCastle and the session
   * key: to check what the sender put there.
   */
  static byte[] innerPackets(byte[] message, PgpSessionKey key) throws Exception {
    PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(message).nextObject();
    PGPSessionKey bcKey = new PGPSessionKey(key.algorithm().id(), key.revealKey());
    try (InputStream in =
        list.extractSessionKeyEncryptedData()
            .getDataStream(new BcSessionKeyDataDecryptorFactory(bcKey))) {
      return in.readAllBytes();
    }
  }

  /**
   * Where the literal data starts inside the encryption when it holds a literal data packet alone,
   * not in partial-body pieces (after its header, format, name length, name and date); else -1.
   */
  static int literalDataStart(byte[] inner) {
    List<Packet> packets;
    try {
      packets = Packets.walk(inner);
    } catch (IllegalStateException e) {
      return -1; // GnuPG's compressed packet, of indeterminate length
    }
    if (packets.size() != 1 || packets.get(0).tag() != 11 || !packets.get(0).lengths().isEmpty()) {
      return -1;
    }
    int body = packets.get(0).body();
    return body + 2 + (inner[body + 1] & 0xff) + 4;
  }

  static List<Integer> tags(byte[] packets) {
    return Packets.walk(packets).stream().map(Packet::tag).toList();
  }
}

package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Sop#withoutJavaHints} on the library's policy messages that sop cannot produce from small
 * real input (a 16 GiB decompression, a SHA-1 signature, whose reason verify does not print), and
 * on one it leaves alone.
 */
class SopMessagesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "the message decompresses to more than 17179869184 bytes, the policy's limit"
            + " (PgpPolicy.maxDecompressedBytes): a compression bomb, or a file larger than"
            + " expected; raise the limit if it is genuine"
            + "|the message decompresses to more than 17179869184 bytes, the policy's limit: a"
            + " compression bomb, or a file larger than expected",
        "the signature uses a weak hash algorithm (SHA1; PgpPolicy.acceptSha1Signatures allows it)"
            + "|the signature uses a weak hash algorithm (SHA1)",
        "SHA1, which the policy refuses for a signature made on 2020-01-01"
            + " (PgpPolicy.acceptSha1Signatures accepts it)"
            + "|SHA1, which the policy refuses for a signature made on 2020-01-01",
        "the message's password is hashed with the simple S2K, without iteration, which makes"
            + " guessing it cheap: refused; ask the sender to use a current tool, or accept it with"
            + " PgpPolicy.legacySenders()"
            + "|the message's password is hashed with the simple S2K, without iteration, which makes"
            + " guessing it cheap: refused; ask the sender to use a current tool",
        "no signature (a text one, or binary)|no signature (a text one, or binary)"
      })
  void withoutJavaHints_dropsTheHintKeepsTheRest(String message, String expected) {
    assertThat(Sop.withoutJavaHints(message)).isEqualTo(expected);
  }
}

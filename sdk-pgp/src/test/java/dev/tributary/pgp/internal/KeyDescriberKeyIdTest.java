package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Key IDs as gpg prints them ({@code %016X}): error messages and {@link
 * dev.tributary.pgp.PgpWrongKeyException#recipientKeyIds()} carry them, and users compare them with
 * gpg's output.
 */
class KeyDescriberKeyIdTest {

  @Test
  void keyId_isSixteenUpperCaseHexDigits_withLeadingZeros() {
    assertThat(KeyDescriber.keyId(0xABL)).isEqualTo("00000000000000AB");
    assertThat(KeyDescriber.keyId(0L)).isEqualTo("0000000000000000");
    assertThat(KeyDescriber.keyId(-1L)).isEqualTo("FFFFFFFFFFFFFFFF");
    assertThat(KeyDescriber.keyId(0x0123456789ABCDEFL)).isEqualTo("0123456789ABCDEF");
    assertThat(KeyDescriber.keyId(Long.MIN_VALUE)).isEqualTo("8000000000000000");
  }

  @Test
  void keyId_isWhatTheFormerPercent016XPrinted_forAnyLong() {
    SplittableRandom random = new SplittableRandom(25);
    for (int i = 0; i < 10_000; i++) {
      long id = random.nextLong();
      assertThat(KeyDescriber.keyId(id)).isEqualTo(String.format(Locale.ROOT, "%016X", id));
    }
  }
}

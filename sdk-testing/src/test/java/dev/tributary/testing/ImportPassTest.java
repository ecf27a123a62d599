package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.Technique;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPassTest {
  /** Pages through its letters two at a time, by position; an endless one never says "last". */
  static final class Letters implements ImportConnector<String> {
    final List<String> letters;
    final boolean endless;
    final List<String> readFrom = new ArrayList<>();

    Letters(List<String> letters, boolean endless) {
      this.letters = letters;
      this.endless = endless;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return ConnectorDescriptor.builder("letters")
          .name("Letters")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.IMPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.ONE_TIME)
          .build();
    }

    @Override
    public Page<String> read(ConnectorContext context, Checkpoint from) {
      readFrom.add(from.cursorValue().orElse("start"));
      int start = from.cursorValue().map(Integer::parseInt).orElse(0);
      int end = Math.min(letters.size(), start + 2);
      boolean last = !endless && end == letters.size();
      return new Page<>(letters.subList(start, end), Checkpoint.at(String.valueOf(end)), last);
    }
  }

  static ConnectorContext context(Letters connector) {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), Map.of()),
        Authorization.none(),
        Clock.systemUTC());
  }

  @Test
  void read_startsEachPageAtTheLastOnesCheckpoint_untilAPageIsTheLast() {
    Letters letters = new Letters(List.of("a", "b", "c", "d", "e"), false);

    ImportPass<String> pass = ImportPass.read(letters, context(letters), Checkpoint.initial());

    assertThat(letters.readFrom).containsExactly("start", "2", "4");
    assertThat(pass.pages())
        .extracting(Page::records)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(pass.records()).containsExactly("a", "b", "c", "d", "e");
    assertThat(pass.next()).isEqualTo(Checkpoint.at("5"));
  }

  @Test
  void read_fromACheckpoint_readsOnlyWhatFollows() {
    Letters letters = new Letters(List.of("a", "b", "c"), false);

    ImportPass<String> pass = ImportPass.read(letters, context(letters), Checkpoint.at("2"));

    assertThat(pass.records()).containsExactly("c");
    assertThat(letters.readFrom).containsExactly("2");
  }

  @Test
  void read_aPassThatNeverEnds_failsAfterMaxPages() {
    Letters letters = new Letters(List.of(), true);

    assertThatThrownBy(() -> ImportPass.read(letters, context(letters), Checkpoint.initial()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no page was the last of " + ImportPass.MAX_PAGES);
    assertThat(letters.readFrom).hasSize(ImportPass.MAX_PAGES);
  }
}

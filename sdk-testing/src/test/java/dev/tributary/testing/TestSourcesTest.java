package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSourcesTest {
  @Test
  void paged_readsByPosition_andTheLastPageSaysSo() throws Exception {
    Source<String> source = TestSources.paged(List.of("a", "b", "c"));

    Page<String> first = source.read(Checkpoint.initial(), 2);
    Page<String> second = source.read(first.next(), 2);

    assertThat(first.records()).containsExactly("a", "b");
    assertThat(first.next()).isEqualTo(Checkpoint.at("2"));
    assertThat(first.last()).isFalse();
    assertThat(second.records()).containsExactly("c");
    assertThat(second.last()).isTrue();
  }

  @Test
  void paged_readsTheListAsItIsAtEachPage() throws Exception {
    List<String> items = new ArrayList<>(List.of("a"));
    Source<String> source = TestSources.paged(items);
    Page<String> before = source.read(Checkpoint.initial(), 10);

    items.add("b");

    assertThat(before.records()).containsExactly("a");
    assertThat(source.read(before.next(), 10).records()).containsExactly("b");
  }
}

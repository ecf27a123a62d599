package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  static final URI BASE = URI.create("https://api.example.com/v1/items?page=1");

  @Test
  void findsNextAmongSeveralLinks_inOneOrSeveralHeaders() {
    String github =
        "<https://api.example.com/v1/items?page=2>; rel=\"next\","
            + " <https://api.example.com/v1/items?page=9>; rel=\"last\"";
    assertThat(LinkHeader.find(List.of(github), "next", BASE))
        .contains(URI.create("https://api.example.com/v1/items?page=2"));
    assertThat(
            LinkHeader.find(List.of("<https://x/p9>; rel=last", "</p2>; rel=next"), "next", BASE))
        .contains(URI.create("https://api.example.com/p2"));
  }

  @Test
  void relativeTargets_resolveAgainstTheResponseUrl() {
    assertThat(LinkHeader.find(List.of("<?page=3>; rel=next"), "next", BASE))
        .contains(URI.create("https://api.example.com/v1/items?page=3"));
  }

  @Test
  void relListsAndCase_andQuotedParametersWithCommas() {
    String value =
        "<https://x/a>; title=\"a, b; c\"; rel=\"prev First\", <https://x/b>; REL=\"Next last\"";
    assertThat(LinkHeader.parse(value))
        .containsExactly(
            new LinkHeader.Link("https://x/a", List.of("prev", "first")),
            new LinkHeader.Link("https://x/b", List.of("next", "last")));
    assertThat(LinkHeader.find(List.of(value), "NEXT", BASE)).contains(URI.create("https://x/b"));
  }

  @Test
  void onlyTheFirstRelCounts_andEscapesInQuotedStringsAreRead() {
    assertThat(LinkHeader.parse("<https://x/a>; rel=\"x\\\"y\"; rel=next"))
        .containsExactly(new LinkHeader.Link("https://x/a", List.of("x\"y")));
  }

  @Test
  void noNextOrGarbage_isEmpty() {
    assertThat(LinkHeader.find(List.of(), "next", BASE)).isEmpty();
    assertThat(LinkHeader.find(List.of("<https://x/a>; rel=prev"), "next", BASE)).isEmpty();
    assertThat(LinkHeader.find(List.of("garbage; rel=next"), "next", BASE)).isEmpty();
    assertThat(LinkHeader.find(List.of("<https://x/a b>; rel=next"), "next", BASE)).isEmpty();
  }
}

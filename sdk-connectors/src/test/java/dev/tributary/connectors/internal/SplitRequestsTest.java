package dev.tributary.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One export call as several requests: each item gets its own request's fate. */
class SplitRequestsTest {
  final List<List<Integer>> sent = new ArrayList<>();

  static List<String> fates(BatchResult result) {
    return result.items().stream().map(r -> r.errorClass().map(Enum::name).orElse("OK")).toList();
  }

  @Test
  void requestRefusedWhole_isHalved_untilTheRefusedItemStandsAlone_unsentItemsKeepTheirFailure() {
    BatchResult result =
        SplitRequests.send(
            6,
            Map.of(5, new ValidationException("not JSON")),
            List.of(List.of(0, 1, 2, 3), List.of(4)),
            items -> {
              sent.add(items);
              if (items.contains(2)) {
                throw new ValidationException("HTTP 400");
              }
              return Map.of();
            });

    assertThat(fates(result)).containsExactly("OK", "OK", "VALIDATION", "OK", "OK", "VALIDATION");
    assertThat(sent)
        .containsExactly(
            List.of(0, 1, 2, 3), List.of(0, 1), List.of(2, 3), List.of(2), List.of(3), List.of(4));
  }

  @Test
  void transientFailure_failsThatRequestAndTheRest_unsent_perItemFailuresKept() {
    TributaryException slowDown = new TransientException("HTTP 429");
    BatchResult result =
        SplitRequests.send(
            5,
            Map.of(),
            List.of(List.of(0, 1), List.of(2, 3), List.of(4)),
            items -> {
              sent.add(items);
              if (items.contains(2)) {
                throw slowDown;
              }
              return Map.of(1, new ValidationException("row 1 invalid"));
            });

    assertThat(fates(result))
        .containsExactly("OK", "VALIDATION", "TRANSIENT", "TRANSIENT", "TRANSIENT");
    assertThat(result.items().get(4).error()).isSameAs(slowDown);
    assertThat(sent).containsExactly(List.of(0, 1), List.of(2, 3));
  }

  @Test
  void configError_stopsTheCall() {
    assertThatThrownBy(
            () ->
                SplitRequests.send(
                    2,
                    Map.of(),
                    List.of(List.of(0), List.of(1)),
                    items -> {
                      sent.add(items);
                      throw new ConfigException("authorization", "refused", null);
                    }))
        .isInstanceOf(ConfigException.class);
    assertThat(sent).containsExactly(List.of(0));
  }
}

package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RenderingConcurrencyTest {
  @Test
  void oneParsedTemplate_rendersConcurrentlyWithoutInterference() throws Exception {
    Template t =
        Template.parse(
            "t",
            "{{define \"row\"}}{{.}};{{end}}{{range $i, $v := .items}}{{template \"row\" (printf"
                + " \"%d=%v\" $i $v)}}{{end}}{{ .name | upper }}");
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int n = 0; n < threads; n++) {
        Map<String, Object> data = Map.of("name", "user" + n, "items", List.of(n, n + 1, n + 2));
        String expected = t.render(data);
        Callable<Boolean> task =
            () -> {
              start.await();
              for (int k = 0; k < 2_000; k++) {
                if (!t.render(data).equals(expected)) {
                  return false;
                }
              }
              return true;
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failingWriter_surfacesAsTemplateOutputException_withTheIoExceptionAsCause() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> Template.parse("t", "hello").render(null, broken))
        .isInstanceOf(TemplateOutputException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  void executionError_leavesTheOutputWrittenBeforeIt_asGoDoes() {
    StringBuilder out = new StringBuilder();
    assertThatThrownBy(
            () -> Template.parse("t", "before {{index . 3}} after").render(List.of(), out))
        .isInstanceOf(TemplateExecutionException.class);
    assertThat(out).hasToString("before ");
  }
}

package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link OpenPgpJs} as the extension its users register: one node process for all of a class's
 * tests, which ends after them although each of them failed. The class it runs ({@link
 * FailingTests}) is run here, by the JUnit launcher, not by surefire.
 */
class OpenPgpJsTest {
  /** The node processes each test of {@link FailingTests} saw, a set a test. */
  static final List<Set<ProcessHandle>> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void oneNodeForTheClass_endsAfterItsTests_evenWhenTheyFail() {
    SEEN.clear();
    Set<ProcessHandle> before = children();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(request().selectors(selectClass(FailingTests.class)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    // Without node or the npm packages, both tests were skipped (or in CI failed) as its users'
    // are.
    Assumptions.assumeTrue(
        summary.getTestsAbortedCount() == 0, "OpenPGP.js is not installed: see OpenPgpJs");
    assertThat(summary.getFailures())
        .as("both tests failed on purpose, after OpenPGP.js answered")
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.getException()).hasMessage("on purpose"));

    assertThat(SEEN).hasSize(2);
    Set<ProcessHandle> node = SEEN.get(0);
    node.removeAll(before);
    assertThat(node).as("the first test's node process").hasSize(1);
    assertThat(SEEN.get(1)).as("the second test's").containsAll(node);
    assertThat(node.iterator().next().isAlive()).as("node, after the class's tests").isFalse();
  }

  static Set<ProcessHandle> children() {
    return ProcessHandle.current().children().collect(Collectors.toSet());
  }

  static class FailingTests {
    @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();

    @Test
    void first() {
      fail();
    }

    @Test
    void second() {
      fail();
    }

    private static void fail() {
      assertThat(js.call(OpenPgpJs.request("versions")).text("openpgp")).isNotEmpty();
      SEEN.add(children());
      throw new AssertionError("on purpose");
    }
  }
}

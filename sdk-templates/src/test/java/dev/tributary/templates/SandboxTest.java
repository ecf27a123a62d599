package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Templates reach only data: map entries, list elements, record components. */
class SandboxTest {
  record Customer(String name, int orders) {
    /** Not a component: templates must not be able to call it. */
    String secret() {
      return "s3cret";
    }
  }

  /** A class with a getter, as a host might pass by mistake. */
  static final class Account {
    final AtomicBoolean touched = new AtomicBoolean();

    public String getPassword() {
      touched.set(true);
      return "hunter2";
    }
  }

  @Test
  void recordComponents_areFields() {
    assertThat(
            Template.parse("t", "{{.name}} has {{.orders}} orders").render(new Customer("Ann", 3)))
        .isEqualTo("Ann has 3 orders");
  }

  @Test
  void recordMethodsThatAreNotComponents_areUnreachable() {
    assertThatThrownBy(() -> Template.parse("t", "{{.secret}}").render(new Customer("Ann", 3)))
        .hasMessageEndingWith("can't evaluate field secret in type Customer");
  }

  @Test
  void otherClasses_areRefused_andNoGetterIsCalled() {
    Account account = new Account();
    assertThatThrownBy(() -> Template.parse("t", "{{.password}}").render(account))
        .isInstanceOf(TemplateExecutionException.class)
        .hasMessageContaining(
            "template data of type " + Account.class.getName() + " is not supported");
    assertThat(account.touched).isFalse();
  }

  @Test
  void unsupportedValuesInsideData_areRefusedWhenReached() {
    Template t = Template.parse("t", "{{.ok}} {{.file}}");
    assertThatThrownBy(() -> t.render(Map.of("ok", "yes", "file", new File("/etc/passwd"))))
        .hasMessageContaining("at <.file>: template data of type java.io.File is not supported");
  }

  @Test
  void timeValues_becomeGoTimes_withGoLayouts() {
    Template t = Template.parse("t", "{{.at.Format \"Jan 2, 2006 15:04 MST\"}} {{.at.Year}}");
    assertThat(t.render(Map.of("at", Instant.parse("2026-03-08T07:30:00Z"))))
        .isEqualTo("Mar 8, 2026 07:30 UTC 2026");
  }

  @Test
  void call_invokesOnlyFunctionsTheHostPassedAsData() {
    Template t = Template.parse("t", "{{call .f 2 3}}");
    assertThatThrownBy(() -> t.render(Map.of("f", "not a function")))
        .hasMessageEndingWith("error calling call: non-function of type string");
  }

  @Test
  void setAndUnset_changeTemplateDicts_butRefuseReadOnlyHostMaps() {
    assertThat(
            Template.parse("t", "{{$d := dict \"a\" 1}}{{$_ := set $d \"b\" 2}}{{$d}}")
                .render(null))
        .isEqualTo("map[a:1 b:2]");
    assertThatThrownBy(() -> Template.parse("t", "{{set . \"x\" 1}}").render(Map.of("a", 1)))
        .hasMessageContaining("error calling set: this map is read-only");
  }

  @Test
  void arraysAndSets_readAsLists() {
    Template t = Template.parse("t", "{{len .a}} {{index .a 1}} {{range .s}}{{.}}{{end}}");
    assertThat(t.render(Map.of("a", new int[] {7, 8, 9}, "s", List.of("x")))).isEqualTo("3 8 x");
  }
}

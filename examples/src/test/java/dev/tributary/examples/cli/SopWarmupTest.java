package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SopWarmupTest {
  // A daemon, so that it never keeps a finished verb's JVM alive; named, so a thread dump says why.
  @Test
  void keyVerbs_startANamedDaemonThread_thatFinishes() throws Exception {
    for (String verb : new String[] {"decrypt", "encrypt", "sign", "verify", "inline-sign"}) {
      Thread t = SopWarmup.startFor(verb, "key.asc");
      assertThat(t).as(verb).isNotNull();
      assertThat(t.isDaemon()).as(verb).isTrue();
      assertThat(t.getName()).isEqualTo("tributary-sop-warmup");
      t.join(60_000);
      assertThat(t.isAlive()).as(verb).isFalse();
    }
  }

  @Test
  void verbsWithoutKeys_andNoVerb_startNothing() {
    assertThat(SopWarmup.startFor()).isNull();
    for (String verb : new String[] {"version", "help", "list-profiles", "armor", "dearmor"}) {
      assertThat(SopWarmup.startFor(verb)).as(verb).isNull();
    }
    assertThat(SopWarmup.startFor("--help")).isNull();
  }

  /** main records the caller's descriptors only for a command line that names one. */
  @Test
  void namesDescriptor_onlyForAnFdDesignator() {
    assertThat(TributaryCli.namesDescriptor("decrypt", "--with-password=pw", "key.sec")).isFalse();
    assertThat(TributaryCli.namesDescriptor("decrypt", "--with-password=@ENV:PW")).isFalse();
    assertThat(TributaryCli.namesDescriptor("decrypt", "--with-password=@FD:3", "key.sec"))
        .isTrue();
    assertThat(TributaryCli.namesDescriptor("decrypt", "@FD:4")).isTrue();
  }
}

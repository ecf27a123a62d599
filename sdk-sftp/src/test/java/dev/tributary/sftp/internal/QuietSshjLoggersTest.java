package dev.tributary.sftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.schmizz.concurrent.Promise;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class QuietSshjLoggersTest {
  @Test
  void oneLoggerPerName_notOnePerRequest() {
    QuietSshjLoggers factory = new QuietSshjLoggers();
    Logger byClass = factory.getLogger(Promise.class);
    assertThat(byClass.getName()).isEqualTo(Promise.class.getName());
    assertThat(factory.getLogger(Promise.class)).isSameAs(byClass);
    assertThat(factory.getLogger(Promise.class.getName())).isSameAs(byClass);
    assertThat(factory.getLogger("other")).isNotSameAs(byClass);
  }
}

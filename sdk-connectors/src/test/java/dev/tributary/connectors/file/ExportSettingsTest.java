package dev.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.sftp.ExistingTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code if_exists} rule the SFTP and directory destinations share. */
class ExportSettingsTest {
  static ConnectorConfig ifExists(String value) {
    return ConnectorConfig.parse(
        ExportDescriptors.SFTP, Map.of("audience", "vip", "if_exists", value));
  }

  @Test
  void ifExists_resumedDelivery_overwritesItsOwnFileWhereFailWouldRefuse() {
    assertThat(ExportSettings.ifExists(ifExists("fail"), false)).isEqualTo(ExistingTarget.FAIL);
    assertThat(ExportSettings.ifExists(ifExists("fail"), true)).isEqualTo(ExistingTarget.OVERWRITE);
  }

  @Test
  void ifExists_skipAndOverwrite_standWhetherResumedOrNot() {
    for (boolean resumed : new boolean[] {false, true}) {
      assertThat(ExportSettings.ifExists(ifExists("skip"), resumed)).isEqualTo(ExistingTarget.SKIP);
      assertThat(ExportSettings.ifExists(ifExists("overwrite"), resumed))
          .isEqualTo(ExistingTarget.OVERWRITE);
    }
  }
}

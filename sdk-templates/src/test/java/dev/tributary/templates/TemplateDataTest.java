package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateDataTest {
  @Test
  void fromJson_decodesAsGosEncodingJson() {
    Object data = TemplateData.fromJson("{\"b\": [1, 2.5, true, null], \"a\": \"x\\u00e9\"}");
    assertThat(data).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) data;
    assertThat(map.get("b")).isEqualTo(Arrays.asList(1.0, 2.5, true, null));
    assertThat(map.get("a")).isEqualTo("xé");
    assertThat(List.<Object>copyOf(map.keySet())).containsExactly("a", "b");
  }

  @Test
  void fromJson_rejectsBadJsonWithGosMessage() {
    assertThatThrownBy(() -> TemplateData.fromJson("{\"a\" 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON: invalid character '1' after object key");
    assertThatThrownBy(() -> TemplateData.fromJson("[1,"))
        .hasMessage("invalid JSON: unexpected end of JSON input");
    assertThatThrownBy(() -> TemplateData.fromJson("1e400"))
        .hasMessage(
            "invalid JSON: json: cannot unmarshal number 1e400 into Go value of type float64");
  }

  @Test
  void toJson_marshalsAsGo_sortedKeysAndHtmlEscapes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1e21);
    m.put("a", List.of("<b>", 0.000001, 1.0));
    assertThat(TemplateData.toJson(m))
        .isEqualTo("{\"a\":[\"\\u003cb\\u003e\",0.000001,1],\"z\":1e+21}");
    assertThatThrownBy(() -> TemplateData.toJson(Double.NaN))
        .hasMessage("json: unsupported value: NaN");
  }
}

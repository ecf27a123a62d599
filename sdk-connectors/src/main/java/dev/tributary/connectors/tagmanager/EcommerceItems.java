package dev.tributary.connectors.tagmanager;

import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ValidationException;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import dev.tributary.core.mapping.MappedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The e-commerce items of a push, in GA4's item shape ({@code item_id}, {@code item_name}, {@code
 * item_brand}, {@code item_category}, {@code item_variant}, {@code price}, {@code quantity}, ...)
 * with typed values: {@code price} and {@code discount} exact decimals, {@code quantity} and {@code
 * index} whole numbers, {@code item_id} text; other item parameters as they came. Typing is
 * sdk-core {@link FieldMapping}'s, so values arrive as numbers or as text ({@code "49.90"}) alike.
 */
final class EcommerceItems {
  private static final FieldMapping ITEM =
      FieldMapping.builder()
          .field(FieldRule.of("item_id").from("item_id"))
          .field(FieldRule.of("price").from("price").as(FieldType.NUMBER))
          .field(FieldRule.of("discount").from("discount").as(FieldType.NUMBER))
          .field(FieldRule.of("quantity").from("quantity").as(FieldType.INTEGER))
          .field(FieldRule.of("index").from("index").as(FieldType.INTEGER))
          .build();

  /** Tealium's parallel product arrays and the GA4 item parameter each one fills. */
  private static final Map<String, String> TEALIUM_ARRAYS = tealiumArrays();

  private EcommerceItems() {}

  private static Map<String, String> tealiumArrays() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("product_id", "item_id");
    m.put("product_name", "item_name");
    m.put("product_brand", "item_brand");
    m.put("product_category", "item_category");
    m.put("product_variant", "item_variant");
    m.put("product_price", "price");
    m.put("product_quantity", "quantity");
    m.put("product_discount", "discount");
    return m;
  }

  /**
   * The push's typed items; empty when it has none.
   *
   * @throws ValidationException naming the path of an item that is malformed
   */
  static Optional<List<Map<String, @Nullable Object>>> of(
      Flavor flavor, Map<String, @Nullable Object> push) {
    return flavor == Flavor.TEALIUM ? tealium(push) : gtm(push);
  }

  private static Optional<List<Map<String, @Nullable Object>>> gtm(
      Map<String, @Nullable Object> push) {
    Object items = JsonPath.find(push, "ecommerce.items");
    if (items == null) {
      return Optional.empty();
    }
    if (!(items instanceof List<?> list)) {
      throw new ValidationException(
          "path \"ecommerce.items\": items must be a list, not " + JsonPath.kind(items),
          "items",
          -1,
          null);
    }
    List<Map<String, @Nullable Object>> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String path = "ecommerce.items." + i;
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw new ValidationException(
            "path \"" + path + "\": an item must be an object, not " + JsonPath.kind(list.get(i)),
            "items",
            -1,
            null);
      }
      Map<String, @Nullable Object> raw = new LinkedHashMap<>();
      item.forEach((k, v) -> raw.put(String.valueOf(k), v));
      out.add(typed(raw, path));
    }
    return Optional.of(out);
  }

  private static Optional<List<Map<String, @Nullable Object>>> tealium(
      Map<String, @Nullable Object> push) {
    Map<String, List<?>> arrays = new LinkedHashMap<>();
    TEALIUM_ARRAYS.keySet().stream()
        .filter(push::containsKey)
        .filter(k -> push.get(k) != null)
        .forEach(k -> arrays.put(k, push.get(k) instanceof List<?> l ? l : List.of(push.get(k))));
    if (arrays.isEmpty()) {
      return Optional.empty();
    }
    String first = arrays.keySet().iterator().next();
    int size = arrays.get(first).size();
    arrays.forEach(
        (key, values) -> {
          if (values.size() != size) {
            throw new ValidationException(
                "path \""
                    + key
                    + "\": "
                    + values.size()
                    + " values, but "
                    + first
                    + " has "
                    + size
                    + ": the product arrays must be parallel",
                "items",
                -1,
                null);
          }
        });
    List<Map<String, @Nullable Object>> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Map<String, @Nullable Object> raw = new LinkedHashMap<>();
      int index = i;
      arrays.forEach((key, values) -> raw.put(TEALIUM_ARRAYS.get(key), values.get(index)));
      out.add(typed(raw, "product_*." + i));
    }
    return Optional.of(out);
  }

  private static Map<String, @Nullable Object> typed(
      Map<String, @Nullable Object> raw, String path) {
    MappedRecord m;
    try {
      m = ITEM.apply(raw);
    } catch (ValidationException e) {
      throw new ValidationException("path \"" + path + "\": " + e.getMessage(), "items", -1, e);
    }
    Map<String, @Nullable Object> item = new LinkedHashMap<>();
    raw.forEach((k, v) -> item.put(k, m.fields().containsKey(k) ? m.fields().get(k) : v));
    return item;
  }
}

package io.cunkebao.api.device;

import java.util.List;

/** Argument checks shared by the records of this package, with messages that name the field. */
final class Ids {
  private Ids() {}

  static long positive(long id, String field) {
    if (id <= 0) {
      throw new IllegalArgumentException(field + " must be greater than 0 but was " + id);
    }
    return id;
  }

  static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank but was " + (value == null ? "null" : "'" + value + "'"));
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters but had " + value.length());
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String field, int min) {
    if (values == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    List<T> copy = List.copyOf(values);
    if (copy.size() < min) {
      throw new IllegalArgumentException(field + " must have at least " + min + " element(s) but had " + copy.size());
    }
    return copy;
  }

  static List<Long> positiveIds(List<Long> ids, String field, int min) {
    List<Long> copy = list(ids, field, min);
    for (Long id : copy) {
      positive(id, field + " element");
    }
    return copy;
  }
}

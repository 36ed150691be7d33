package io.cunkebao.device.ws;

import java.util.List;

/** Argument checks of the typed operations, with messages that name the argument. */
final class Args {
  private Args() {}

  static long positive(long id, String name) {
    if (id <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0 but was " + id);
    }
    return id;
  }

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static List<String> texts(List<String> values, String name) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(name + " must have at least one element");
    }
    values.forEach(v -> text(v, name + " element"));
    return values;
  }

  static List<Long> ids(List<Long> ids, String name, int min) {
    if (ids == null || ids.size() < min) {
      throw new IllegalArgumentException(name + " must have at least " + min + " element(s) but had " + (ids == null ? 0 : ids.size()));
    }
    ids.forEach(id -> positive(id, name + " element"));
    return ids;
  }
}

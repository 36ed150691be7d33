package io.cunkebao.core.engine;

import java.util.List;

/** Payload and checkpoint types used by the engine tests. */
final class TestPayloads {
  private TestPayloads() {}

  record Msg(String text) {}

  record Batch(List<String> targets) {}

  record Position(int next) {}

  record Strict(String phone) {
    Strict {
      if (phone == null || !phone.matches("\\d{11}")) {
        throw new IllegalArgumentException("phone must be 11 digits but was " + phone);
      }
    }
  }
}

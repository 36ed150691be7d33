package io.cunkebao.benchmarks;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.spi.TaskEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Builds envelopes shaped like the engine's own (default queue, no resources, no headers). */
final class Envelopes {
  static final String TYPE = "bench:noop";
  /** The JSON the engine writes for {@code new Noop(0)}. */
  static final String PAYLOAD_JSON = "{\"n\":0}";

  private Envelopes() {}

  /** A fresh payload array per task, as the engine encodes one per submit. */
  static TaskEnvelope delayed(TaskId id, Instant runAt, Instant now) {
    return new TaskEnvelope(id, TaskRequest.DEFAULT_QUEUE, TYPE, PAYLOAD_JSON.getBytes(StandardCharsets.UTF_8),
        TaskRequest.DEFAULT_PRIORITY, runAt, now, null, Set.of(), Map.of());
  }

  /** Bytes of one payload array on a 64-bit JVM with compressed oops: 16 header + data, 8-aligned. */
  static long payloadBytes() {
    return (16 + PAYLOAD_JSON.length() + 7) / 8 * 8;
  }
}

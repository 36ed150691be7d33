package io.cunkebao.queue.redis;

import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.QueueStats;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskNotFoundException;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.StoredTask;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** What users do to tasks and queues, and the queries: each a script or a single command. */
final class ControlCalls {
  private static final int ITEMS_PER_STORED = 9;

  private final ScriptCaller caller;
  private final Scripts scripts;

  ControlCalls(ScriptCaller caller) {
    this.caller = caller;
    this.scripts = caller.scripts;
  }

  /**
   * Cancel, pause, resume or replay.
   *
   * @param op {@code cancel}, {@code pause}, {@code resume} or {@code replay}
   * @return the status the script answered
   */
  TaskStatus control(String op, TaskId id, Instant now) {
    List<Object> reply = caller.run(scripts.control, ScriptOutputType.MULTI, now, List.of(Codec.text(op), Codec.text(id.value())));
    String code = Codec.string((byte[]) reply.get(0));
    return switch (code) {
      case "ok" -> status(reply.get(1));
      case "notfound" -> throw new TaskNotFoundException(id);
      case "illegal" -> throw new IllegalTransitionException(status(reply.get(1)), status(reply.get(2)));
      default -> throw new IllegalStateException("control script answered " + code);
    };
  }

  /**
   * Pause, resume or purge a queue.
   *
   * @return the script's count
   */
  long queue(String op, String queue, Instant now) {
    return caller.<Long>run(scripts.queue, ScriptOutputType.INTEGER, now, List.of(Codec.text(op), Codec.text(queue)));
  }

  boolean isQueuePaused(String queue) {
    return caller.link.call("read the paused queues", c -> c.sismember(caller.keys.paused(), Codec.text(queue)));
  }

  Optional<StoredTask> find(TaskId id, Instant now) {
    List<Object> reply = caller.run(scripts.find, ScriptOutputType.MULTI, now, List.of(Codec.text(id.value())));
    return reply == null || reply.isEmpty() || reply.get(0) == null ? Optional.empty() : Optional.of(stored(reply, 0));
  }

  List<StoredTask> deadLetters(String queue, int limit, Instant now) {
    if (limit <= 0) {
      return List.of();
    }
    List<Object> reply = caller.run(scripts.deadLetters, ScriptOutputType.MULTI, now, List.of(Codec.text(queue), Codec.text(limit)));
    List<StoredTask> tasks = new ArrayList<>(reply.size() / ITEMS_PER_STORED);
    for (int i = 0; i < reply.size(); i += ITEMS_PER_STORED) {
      tasks.add(stored(reply, i));
    }
    return tasks;
  }

  QueueStats stats(Collection<String> queues, Instant now) {
    List<byte[]> args = new ArrayList<>();
    new LinkedHashSet<>(queues).forEach(q -> args.add(Codec.text(q)));
    List<Object> reply = caller.run(scripts.stats, ScriptOutputType.MULTI, now, args);
    long[] n = new long[8];
    for (int i = 0; i < n.length; i++) {
      n[i] = (Long) reply.get(i);
    }
    Duration average = n[5] == 0 ? Duration.ZERO : Duration.ofNanos(n[7] / n[5] * 1_000);
    return new QueueStats(n[0], n[1], n[2], n[3], n[4], n[5], n[6], average);
  }

  Optional<Instant> nextDueAt(Collection<String> queues, Instant now) {
    List<byte[]> args = new ArrayList<>();
    queues.forEach(q -> args.add(Codec.text(q)));
    Long micros = caller.run(scripts.nextDue, ScriptOutputType.INTEGER, now, args);
    return micros == null || micros < 0 ? Optional.empty() : Optional.of(Codec.instant(micros));
  }

  long trimmedCount() {
    byte[] count = caller.link.call("read the trimmed count", c -> c.hget(caller.keys.meta(), Codec.text("trimmed")));
    return count == null ? 0 : Long.parseLong(Codec.string(count));
  }

  private static StoredTask stored(List<Object> reply, int at) {
    return new StoredTask(
        Codec.decodeEnvelope((byte[]) reply.get(at)),
        status(reply.get(at + 1)),
        Math.toIntExact((Long) reply.get(at + 2)),
        Codec.instant((Long) reply.get(at + 3)),
        Codec.instant((Long) reply.get(at + 4)),
        reply.get(at + 5) == null ? null : Codec.string((byte[]) reply.get(at + 5)),
        (byte[]) reply.get(at + 6),
        Codec.decodeProgress((byte[]) reply.get(at + 7)),
        (Long) reply.get(at + 8) == 1L);
  }

  private static TaskStatus status(Object code) {
    return TaskStatus.fromCode(Math.toIntExact((Long) code));
  }
}

package io.cunkebao.core.internal.engine;

import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The next fire time of every schedule, in one sorted index with one timer armed for the
 * earliest: adding, moving or firing a schedule costs O(log n), whatever the number of schedules.
 */
final class ScheduleTimeline {
  private record Due(Instant at, String name) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int byTime = at.compareTo(o.at);
      return byTime != 0 ? byTime : name.compareTo(o.name);
    }
  }

  private final EngineTimer timer;
  private final InstantSource clock;
  private final BiConsumer<String, Instant> fire;
  private final TreeSet<Due> queue = new TreeSet<>();
  private final Map<String, Due> byName = new HashMap<>();
  private EngineTimer.@Nullable Cancellable armed;
  private @Nullable Instant armedAt;
  private boolean stopped;

  ScheduleTimeline(EngineTimer timer, InstantSource clock, BiConsumer<String, Instant> fire) {
    this.timer = timer;
    this.clock = clock;
    this.fire = fire;
  }

  synchronized void put(String name, Instant at) {
    Due previous = byName.put(name, new Due(at, name));
    if (previous != null) {
      queue.remove(previous);
    }
    queue.add(byName.get(name));
    arm();
  }

  synchronized void remove(String name) {
    Due previous = byName.remove(name);
    if (previous != null) {
      queue.remove(previous);
    }
  }

  synchronized void retainOnly(Collection<String> names) {
    Set<String> keep = new HashSet<>(names);
    for (String name : Set.copyOf(byName.keySet())) {
      if (!keep.contains(name)) {
        remove(name);
      }
    }
  }

  synchronized void stop() {
    stopped = true;
    if (armed != null) {
      armed.cancel();
    }
  }

  synchronized int size() {
    return queue.size();
  }

  private void arm() {
    if (stopped || queue.isEmpty()) {
      return;
    }
    Instant first = queue.first().at();
    if (armedAt != null && !armedAt.isAfter(first)) {
      return;
    }
    if (armed != null) {
      armed.cancel();
    }
    armedAt = first;
    Duration delay = Duration.between(clock.instant(), first);
    armed = timer.schedule(this::runDue, delay.isNegative() ? Duration.ZERO : delay);
  }

  private void runDue() {
    Instant now = clock.instant();
    while (true) {
      Due due;
      synchronized (this) {
        armedAt = null;
        if (stopped || queue.isEmpty() || queue.first().at().isAfter(now)) {
          arm();
          return;
        }
        due = queue.pollFirst();
        byName.remove(due.name());
      }
      fire.accept(due.name(), due.at());
    }
  }
}

package io.cunkebao.core.testing;

import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * A timer and executor driven by the test: nothing runs until the test calls {@link #runUntilIdle}
 * or {@link #advance}, which moves the {@link SettableClock} from one due timer to the next and
 * runs each at its own instant.
 *
 * <pre>{@code
 * SettableClock clock = new SettableClock();
 * ManualScheduler manual = new ManualScheduler(clock);
 * TaskScheduler engine = Schedulers.builder().clock(clock).timer(manual).workerExecutor(manual)...
 * engine.submit(request);
 * manual.runUntilIdle();                 // dispatch and run what is due now
 * manual.advance(Duration.ofSeconds(60)); // the first retry falls due and runs
 * }</pre>
 *
 * <p>Thread-safe: tasks may be scheduled from any thread; they run on the thread that steps.
 */
public final class ManualScheduler implements EngineTimer, Executor {
  private final SettableClock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long sequence;

  /**
   * A scheduler over the given clock.
   *
   * @param clock the clock it moves
   */
  public ManualScheduler(SettableClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Entry entry = new Entry(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
    queue.add(entry);
    return () -> cancel(entry);
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, Duration.ZERO);
  }

  /**
   * Runs everything due at the current time, including work that running tasks schedule for now.
   *
   * @return how many tasks ran
   */
  public int runUntilIdle() {
    int ran = 0;
    Entry next;
    while ((next = pollDue(clock.instant())) != null) {
      next.task.run();
      ran++;
    }
    return ran;
  }

  /**
   * Moves time forward by {@code step}, running each timer at its due instant, in order.
   *
   * @param step not negative
   * @return how many tasks ran
   */
  public int advance(Duration step) {
    return advanceTo(clock.instant().plus(step));
  }

  /**
   * Moves time forward to {@code target}, running each timer at its due instant, in order.
   *
   * @param target not before the clock's time
   * @return how many tasks ran
   */
  public int advanceTo(Instant target) {
    if (target.isBefore(clock.instant())) {
      throw new IllegalArgumentException("cannot move back from " + clock.instant() + " to " + target);
    }
    int ran = runUntilIdle();
    Instant due;
    while ((due = nextDue()) != null && !due.isAfter(target)) {
      if (due.isAfter(clock.instant())) {
        clock.set(due);
      }
      ran += runUntilIdle();
    }
    clock.set(target);
    return ran + runUntilIdle();
  }

  /** @return how many timers wait, due or not */
  public synchronized int pendingCount() {
    return queue.size();
  }

  /** @return the clock this scheduler moves */
  public SettableClock clock() {
    return clock;
  }

  private synchronized Entry pollDue(Instant now) {
    Entry head = queue.peek();
    return head != null && !head.due.isAfter(now) ? queue.poll() : null;
  }

  private synchronized Instant nextDue() {
    Entry head = queue.peek();
    return head == null ? null : head.due;
  }

  private synchronized void cancel(Entry entry) {
    queue.remove(entry);
  }

  private record Entry(Instant due, long seq, Runnable task) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
  }
}

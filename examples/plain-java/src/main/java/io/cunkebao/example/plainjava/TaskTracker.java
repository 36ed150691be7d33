package io.cunkebao.example.plainjava;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Listens to the engine and counts what happened: tasks that ended (completed, failed, cancelled),
 * retries, lost leases and engine errors. The demo waits on it until every task has ended.
 *
 * <p>Listener methods run on engine threads and must be quick, so this class only counts; the
 * {@link ProgressPrinter} does the printing on its own thread.
 */
public final class TaskTracker implements TaskListener {
  private static final int ERRORS_KEPT = 10;

  private final Map<TaskId, TaskStatus> ended = new ConcurrentHashMap<>();
  private final CountDownLatch allEnded;
  private final LongAdder retries = new LongAdder();
  private final LongAdder leasesLost = new LongAdder();
  private final LongAdder engineErrors = new LongAdder();
  private final List<String> firstErrors = new CopyOnWriteArrayList<>();

  /**
   * A tracker that waits for {@code expected} tasks.
   *
   * @param expected how many distinct tasks must end
   */
  public TaskTracker(int expected) {
    this.allEnded = new CountDownLatch(expected);
  }

  @Override
  public void onTaskEvent(TaskEvent event) {
    switch (event.kind()) {
      case RETRY_SCHEDULED -> retries.increment();
      case LEASE_LOST -> leasesLost.increment();
      default -> {
        // A task counts once, even if a replay later ends it a second time.
        if (event.to().isTerminal() && ended.putIfAbsent(event.taskId(), event.to()) == null) {
          allEnded.countDown();
        }
      }
    }
  }

  @Override
  public void onEngineError(String where, Throwable error) {
    engineErrors.increment();
    if (firstErrors.size() < ERRORS_KEPT) {
      firstErrors.add(where + ": " + error);
    }
  }

  /**
   * Waits until every expected task has ended.
   *
   * @param maxWait the longest wait
   * @return true when all ended in time
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitAllEnded(Duration maxWait) throws InterruptedException {
    return allEnded.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * How many tasks ended with a status.
   *
   * @param status completed, failed or cancelled
   * @return the count
   */
  public long ended(TaskStatus status) {
    return ended.values().stream().filter(status::equals).count();
  }

  /** @return how many failed attempts were scheduled to run again */
  public long retries() {
    return retries.sum();
  }

  /** @return how many attempts lost their lease */
  public long leasesLost() {
    return leasesLost.sum();
  }

  /** @return how many unexpected errors the engine reported */
  public long engineErrors() {
    return engineErrors.sum();
  }

  /** @return the first few engine errors, as text */
  public List<String> firstEngineErrors() {
    return List.copyOf(firstErrors);
  }
}

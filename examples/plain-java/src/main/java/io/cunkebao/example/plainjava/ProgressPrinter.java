package io.cunkebao.example.plainjava;

import io.cunkebao.api.MonitoringSnapshot;
import io.cunkebao.api.TaskClient;
import io.cunkebao.api.TaskStatus;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints one progress line per second while the demo runs, from a timer thread of its own: the
 * tracker's counts (ended tasks, retries) and the engine's monitoring snapshot (queued, running).
 */
public final class ProgressPrinter implements AutoCloseable {
  private final PrintStream out;
  private final TaskTracker tracker;
  private final TaskClient engine;
  private final long startNanos;
  private final ScheduledExecutorService timer;

  /**
   * A printer; it prints nothing until {@link #start()}.
   *
   * @param out where to print
   * @param tracker the counts of ended tasks
   * @param engine the engine, for its snapshot
   */
  public ProgressPrinter(PrintStream out, TaskTracker tracker, TaskClient engine) {
    this.out = out;
    this.tracker = tracker;
    this.engine = engine;
    this.startNanos = System.nanoTime();
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "demo-progress");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts printing, once per second. */
  public void start() {
    timer.scheduleAtFixedRate(this::printSafely, 1, 1, TimeUnit.SECONDS);
  }

  /** Prints one line now. */
  public void printLine() {
    MonitoringSnapshot snapshot = engine.snapshot();
    out.printf("[%5.1f s] completed %3d | failed %d | retries %3d | queued %3d | running %d%n",
        elapsedSeconds(), tracker.ended(TaskStatus.COMPLETED), tracker.ended(TaskStatus.FAILED),
        tracker.retries(), snapshot.queueLength(), snapshot.processing());
  }

  /** @return seconds since this printer was made */
  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void printSafely() {
    try {
      printLine();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; say why the progress line stopped.
      out.println("progress line stopped: " + e);
      throw e;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

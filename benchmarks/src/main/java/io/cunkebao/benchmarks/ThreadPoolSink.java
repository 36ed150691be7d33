package io.cunkebao.benchmarks;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The baseline: the same no-op work handed straight to a thread pool like the engine's own. */
final class ThreadPoolSink implements NoopSink {
  private final ThreadPoolExecutor pool = new ThreadPoolExecutor(DispatchTarget.WORKERS, DispatchTarget.WORKERS,
      60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "baseline-worker");
        thread.setDaemon(true);
        return thread;
      });
  /** Built once: the baseline must not pay for a capturing lambda the engine does not pay for either. */
  private final Runnable[] tasks;

  ThreadPoolSink(List<CompletionSignal> signals) {
    tasks = signals.stream().map(signal -> (Runnable) signal::completed).toArray(Runnable[]::new);
  }

  @Override
  public void submit(int producer) {
    pool.execute(tasks[producer]);
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

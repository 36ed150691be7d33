package io.cunkebao.benchmarks;

import java.util.List;

/**
 * What {@link DispatchBenchmark} measures, as a JMH {@code @Param} (STYLE B.13 item 2): the engine
 * and, in the same run, the bare executor that bounds it.
 */
public enum DispatchTarget {
  /** {@code Schedulers.builder()} defaults (in-memory queue, 5 workers) plus one listener. */
  ENGINE {
    @Override
    NoopSink create(List<CompletionSignal> signals) {
      return new EngineSink(signals, false);
    }
  },
  /**
   * A diagnostic variant of ENGINE with {@code idempotencyWindow(Duration.ZERO)}: finished tasks
   * leave the queue once retention trims them instead of staying 24 h, which separates the cost
   * of that retained heap (GC) from the dispatch path itself.
   */
  ENGINE_NO_WINDOW {
    @Override
    NoopSink create(List<CompletionSignal> signals) {
      return new EngineSink(signals, true);
    }
  },
  /** A {@link java.util.concurrent.ThreadPoolExecutor} with the engine's default 5 workers. */
  THREAD_POOL {
    @Override
    NoopSink create(List<CompletionSignal> signals) {
      return new ThreadPoolSink(signals);
    }
  };

  /** The most producer threads a benchmark may use (one signal, one task type each). */
  static final int MAX_PRODUCERS = 4;

  /** Workers on both sides: the engine's default {@code maxConcurrency}. */
  static final int WORKERS = io.cunkebao.core.SchedulerBuilder.DEFAULT_MAX_CONCURRENCY;

  abstract NoopSink create(List<CompletionSignal> signals);
}

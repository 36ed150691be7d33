package io.cunkebao.benchmarks;

/**
 * The facade {@link DispatchBenchmark} drives: something that runs a no-op task to completion
 * and then tells the producer's {@link CompletionSignal}. One implementation per {@link
 * DispatchTarget}.
 */
interface NoopSink extends AutoCloseable {

  /**
   * Submits one no-op task for a producer.
   *
   * @param producer the producer's index, 0 to {@link DispatchTarget#MAX_PRODUCERS} - 1
   */
  void submit(int producer);

  /** Stops the workers once everything submitted has finished. */
  @Override
  void close();
}

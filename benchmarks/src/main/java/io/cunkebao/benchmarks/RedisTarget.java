package io.cunkebao.benchmarks;

import java.util.List;

/**
 * What the Redis benchmarks measure, as a JMH {@code @Param}: the engine on the Redis driver and,
 * in the same run and against the same redis-server, the raw Lettuce hand-off that bounds it.
 */
public enum RedisTarget {
  /** {@link RedisEngineSink}: {@code Schedulers.builder().queue(RedisQueueDriver)}, defaults. */
  ENGINE {
    @Override
    NoopSink create(String uri, int concurrency, List<CompletionSignal> signals, boolean start) {
      return new RedisEngineSink(uri, concurrency, signals, start);
    }
  },
  /** {@link RawLettuceSink}: LPUSH, BLMOVE to a processing list, LREM. */
  RAW_LETTUCE {
    @Override
    NoopSink create(String uri, int concurrency, List<CompletionSignal> signals, boolean start) {
      return new RawLettuceSink(uri, concurrency, signals, start);
    }
  };

  /** The most producer threads a Redis benchmark may use (one signal and task type each). */
  static final int MAX_PRODUCERS = 8;

  /**
   * @param start false: nothing consumes (the enqueue benchmark)
   */
  abstract NoopSink create(String uri, int concurrency, List<CompletionSignal> signals, boolean start);
}

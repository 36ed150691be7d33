package io.cunkebao.queue.redis;

import io.cunkebao.api.BlockingTaskHandler;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.Schedulers;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Engines on real Redis for the multi-engine and crash tests: each engine gets a driver of its own
 * on the shared namespace, as separate nodes would. Closes what it opened, engines first.
 */
final class EngineHarness implements AutoCloseable {
  static final String TYPE = "test:job";

  private final String redisUri;
  private final String namespace;
  private final List<TaskScheduler> engines = new ArrayList<>();
  private final List<RedisQueueDriver> drivers = new ArrayList<>();

  /**
   * @param redisUri a Redis URI, which may carry driver options in its query
   * @param namespace the namespace every driver uses
   */
  EngineHarness(String redisUri, String namespace) {
    this.redisUri = redisUri;
    this.namespace = namespace;
  }

  RedisQueueDriver driver() {
    String uri = redisUri + (redisUri.contains("?") ? "&" : "?") + "namespace=" + namespace;
    RedisQueueDriver driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(java.net.URI.create(uri)),
        QueueDriverConfig.defaults(ZoneOffset.UTC));
    drivers.add(driver);
    return driver;
  }

  /** A started engine with its own driver. */
  TaskScheduler engine(String workerId, int concurrency, Duration lease, TaskType<Job> type) {
    return engine(driver(), workerId, concurrency, lease, type);
  }

  TaskScheduler engine(RedisQueueDriver driver, String workerId, int concurrency, Duration lease, TaskType<Job> type) {
    TaskScheduler engine = Schedulers.builder()
        .queue(driver)
        .taskTypes(type)
        .workerId(workerId)
        .maxConcurrency(concurrency)
        .leaseDuration(lease)
        .pollInterval(Duration.ofSeconds(1))
        .build();
    engines.add(engine);
    engine.start();
    return engine;
  }

  static TaskType<Job> type(BlockingTaskHandler<Job> handler) {
    return TaskType.of(TYPE, Job.class, handler);
  }

  @Override
  public void close() {
    for (TaskScheduler engine : engines) {
      engine.shutdown(Duration.ofSeconds(2));
    }
    drivers.forEach(RedisQueueDriver::close);
  }
}

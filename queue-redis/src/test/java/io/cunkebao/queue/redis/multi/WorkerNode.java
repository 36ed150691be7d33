package io.cunkebao.queue.redis.multi;

import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.Schedulers;
import io.cunkebao.queue.redis.Job;
import io.cunkebao.queue.redis.RedisQueueDriver;
import io.cunkebao.queue.redis.RedisQueueSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * A worker node in a JVM of its own, for the multi-JVM tests: an engine on the Redis driver that
 * runs no-op {@link Job}s and reports every run on stdout as {@code S <job> <attempt> <epoch ms>},
 * printed (and flushed) before the handler returns, so a run reported is a run that happened.
 * Prints {@code READY} once claiming; shuts down cleanly when its stdin ends, and is otherwise
 * ended by kill -9.
 *
 * <p>Arguments: the queue URI (with {@code ?namespace=}), the worker id, the concurrency, the lease
 * in milliseconds.
 */
public final class WorkerNode {
  /** The task type the nodes run. */
  public static final String TYPE = "test:job";

  private WorkerNode() {}

  /** The driver settings of nodes and producer: every finished task of a run is kept, to be checked. */
  static QueueDriverConfig config() {
    QueueDriverConfig defaults = QueueDriverConfig.defaults(ZoneOffset.UTC);
    return new QueueDriverConfig(defaults.idempotencyWindow(), 100_000, defaults.completedMaxAge(), ZoneOffset.UTC, java.util.Map.of());
  }

  /**
   * Runs a node until stdin ends.
   *
   * @param args URI, worker id, concurrency, lease ms
   * @throws IOException when stdin fails
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    TaskType<Job> type = TaskType.of(TYPE, Job.class, (job, ctx) -> out.println("S " + job.n() + " " + ctx.attempt() + " " + System.currentTimeMillis()));
    RedisQueueDriver driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(args[0])), config());
    TaskScheduler engine = Schedulers.builder()
        .queue(driver)
        .taskTypes(type)
        .workerId(args[1])
        .maxConcurrency(Integer.parseInt(args[2]))
        .leaseDuration(Duration.ofMillis(Long.parseLong(args[3])))
        .pollInterval(Duration.ofSeconds(1))
        .build();
    engine.start();
    out.println("READY");
    while (System.in.read() >= 0) {
      // the parent closes stdin to stop this node
    }
    engine.shutdown(Duration.ofSeconds(5));
    driver.close();
    out.println("STOPPED");
  }
}

package io.cunkebao.core;

import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.spi.QueueDriverConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's settings, as the {@link SchedulerBuilder} assembled them. Immutable.
 *
 * @param queues the queues this engine claims from, in order
 * @param maxConcurrency the most attempts this engine runs at once
 * @param resourceLimits the most running tasks per resource, by resource kind
 * @param leaseDuration how long a claim holds a task before another worker may take it
 * @param pollInterval the longest an idle engine waits before asking the queue again
 * @param shutdownTimeout how long {@code close()} waits for running attempts
 * @param maxPayloadBytes the largest encoded payload accepted at submit
 * @param defaultPolicy the policies of task types that set none
 * @param zone the zone whose midnight starts "today" in the monitoring counts
 * @param workerId this engine's id in leases and logs
 * @param driverConfig the settings of a driver opened from a URI
 */
public record SchedulerConfig(
    List<String> queues,
    int maxConcurrency,
    Map<String, Integer> resourceLimits,
    Duration leaseDuration,
    Duration pollInterval,
    Duration shutdownTimeout,
    int maxPayloadBytes,
    TaskPolicy defaultPolicy,
    ZoneId zone,
    String workerId,
    QueueDriverConfig driverConfig) {

  /** Copies the collections. */
  public SchedulerConfig {
    queues = List.copyOf(queues);
    resourceLimits = Map.copyOf(resourceLimits);
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(driverConfig, "driverConfig");
  }
}

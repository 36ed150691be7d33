package io.cunkebao.api.spi;

import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskType;
import java.util.List;

/**
 * A plugin that contributes task types, found with {@link java.util.ServiceLoader}.
 *
 * <p>Register the implementation in {@code META-INF/services/io.cunkebao.api.spi.TaskTypeProvider}
 * (and with {@code provides} in a module descriptor). The constructor must be public, cheap and
 * free of I/O: the engine builder instantiates every provider it finds. Two providers that
 * contribute one type name make the build fail with both class names in the message.
 *
 * <p>A plugin may also ship default cron schedules for its types ({@link #schedules()}): the
 * engine adds them when it starts (keeping the last fire time of one already stored under the same
 * name), and the host can pause or remove them at run time.
 */
public interface TaskTypeProvider {
  /** The SPI version this interface describes: {@value}. */
  String API_VERSION = "1";

  /**
   * The task types this plugin contributes, each with its default policies.
   *
   * @return the task types; not empty
   */
  List<TaskType<?>> taskTypes();

  /**
   * Default cron schedules for this plugin's task types (the seed's task table: every minute, every
   * 5 minutes, daily at 02:00 ...).
   *
   * @return the schedules; none unless overridden
   */
  default List<ScheduleSpec> schedules() {
    return List.of();
  }

  /**
   * The SPI version the plugin was written against; the engine warns on a mismatch.
   *
   * @return {@link #API_VERSION} unless overridden
   */
  default String apiVersion() {
    return API_VERSION;
  }
}

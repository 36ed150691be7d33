package io.cunkebao.core.internal.engine;

import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.core.EngineExtension;
import io.cunkebao.core.EngineTimer;
import io.cunkebao.core.internal.trigger.EventBus;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * What the builder hands the engine besides its settings.
 *
 * @param driver the queue
 * @param registry the task types
 * @param clock the one clock of the engine and its driver
 * @param timer the timer for dispatch, leases and timeouts
 * @param workers the executor that runs handlers
 * @param listeners the user's listeners
 * @param owned what the engine created and must close at shutdown, in closing order
 * @param stateStore where schedules and workflow instances live
 * @param eventBus the event triggers
 * @param extensions features told when the engine starts
 * @param defaultSchedules plugins' schedules, added at start
 * @param devices the device driver and the seats to own, or null without devices
 */
public record Collaborators(
    QueueDriver driver,
    TaskTypeRegistry registry,
    InstantSource clock,
    EngineTimer timer,
    Executor workers,
    List<TaskListener> listeners,
    List<AutoCloseable> owned,
    StateStore stateStore,
    EventBus eventBus,
    List<EngineExtension> extensions,
    List<ScheduleSpec> defaultSchedules,
    @Nullable DeviceSetup devices) {

  /**
   * A device driver and the seats engines compete to own.
   *
   * @param driver the driver
   * @param seats the seats
   */
  public record DeviceSetup(io.cunkebao.api.spi.DeviceDriver driver, List<io.cunkebao.api.device.SeatCredentials> seats) {
    /** Copies the seats. */
    public DeviceSetup {
      seats = List.copyOf(seats);
    }
  }

  /** Copies the lists. */
  public Collaborators {
    listeners = List.copyOf(listeners);
    owned = List.copyOf(owned);
    extensions = List.copyOf(extensions);
    defaultSchedules = List.copyOf(defaultSchedules);
  }
}

package io.cunkebao.api.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * An optional driver capability: telling the engine when work may have become claimable, so idle
 * workers wake at once instead of polling. A driver without it is polled at the engine's poll
 * interval.
 */
public interface WorkNotifications {

  /**
   * Registers a callback run when work may have become claimable (an enqueue, a retry, a resume, a
   * released task or resource). It may be called on any thread and spuriously; it must be cheap.
   *
   * @param listener the callback
   * @return a handle that unregisters it
   */
  AutoCloseable subscribe(Runnable listener);

  /**
   * The earliest time at which something not claimable now becomes claimable in these queues (a
   * delayed task falls due, a lease expires).
   *
   * @param queues the queues
   * @param now the current time
   * @return that time, or empty when nothing is waiting on time
   */
  Optional<Instant> nextDueAt(Collection<String> queues, Instant now);
}

package io.cunkebao.api.spi;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to one device cloud, holding one session per seat it was asked to open.
 *
 * <p><b>One session per seat across nodes.</b> The cloud allows one signed-in session per seat: a
 * second sign-in kicks the first. A driver therefore never opens a seat on its own initiative; the
 * engine opens a seat here only while this node holds that seat's ownership lease, and closes it
 * when the lease is lost, so two of our own nodes never kick each other. Tasks that need a seat
 * name {@link SeatId#resourceKey()} among their resources, and the queue's claim gives them only to
 * the seat's owner (claim affinity). The lease and the affinity belong to the engine and the queue
 * drivers; this interface is the seam they call: {@link #openSession} when a lease is won, {@link
 * DeviceSession#close()} when it is lost. A session kicked by someone else reports {@code
 * SessionKicked} and does not reconnect, so the lease owner decides what happens next.
 *
 * <p>Thread-safe. Closing the driver closes every session.
 */
public interface DeviceDriver extends AutoCloseable {

  /**
   * Opens (signs in) a seat's session, or returns the one already open for that seat. The session
   * stays signed in (heartbeats, reconnects) until closed, so that pushes keep arriving.
   *
   * @param credentials the seat and its cloud login
   * @return completes with the session once signed in; fails with a {@link
   *     io.cunkebao.api.device.DeviceException} when the first sign-in fails
   */
  CompletableFuture<DeviceSession> openSession(SeatCredentials credentials);

  /**
   * The open session of a seat.
   *
   * @param seat the seat
   * @return its session, if open (signed in or reconnecting)
   */
  Optional<DeviceSession> session(SeatId seat);

  /** Closes every session and releases threads and connections. Idempotent. */
  @Override
  void close();
}

package io.cunkebao.api.device;

import java.util.Optional;
import java.util.Set;

/**
 * The device sessions a handler may use: those of the seats this engine owns. Reached through
 * {@link io.cunkebao.api.TaskContext#devices()}.
 *
 * <p>A seat's session is open on exactly one engine at a time (the seat's owner, which keeps it
 * signed in so pushes arrive). Tasks that need a seat name {@link SeatId#resourceKey()} among
 * their resources.
 */
public interface Devices {
  /** No devices: an engine built without a device driver. */
  Devices NONE = new Devices() {
    @Override
    public Optional<DeviceSession> session(SeatId seat) {
      return Optional.empty();
    }

    @Override
    public Set<SeatId> ownedSeats() {
      return Set.of();
    }
  };

  /**
   * A seat's session, when this engine owns the seat and its session is open.
   *
   * @param seat the seat
   * @return the session, or empty
   */
  Optional<DeviceSession> session(SeatId seat);

  /** @return the seats this engine owns now */
  Set<SeatId> ownedSeats();

  /**
   * A seat's session, or a failure the retry policy handles.
   *
   * @param seat the seat
   * @return the session
   * @throws DeviceOfflineException when this engine has no open session for the seat
   */
  default DeviceSession require(SeatId seat) {
    return session(seat).orElseThrow(() -> new DeviceOfflineException("session of seat " + seat, 0));
  }
}

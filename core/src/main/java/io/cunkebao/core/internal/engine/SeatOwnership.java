package io.cunkebao.core.internal.engine;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.Devices;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import io.cunkebao.core.EngineTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session per seat across all engines: each seat is owned by one engine at a time through a
 * lease in the state store, which the owner renews every third of a lease while it lives. The
 * owner keeps the seat's session signed in (so pushes arrive) and is the only engine whose
 * handlers see it; when the owner dies, its lease expires and another engine takes the seat over
 * and signs in. Engines never sign in to a seat they do not own, so two of our own nodes never
 * kick each other.
 *
 * <p>Seats are spread over the live engines: each engine heartbeats in the store, takes a free seat
 * only while it owns fewer than its fair share ({@code ceil(seats / live engines)}), and gives up
 * seats beyond its share, so a second engine that starts gets half of them within two renewals.
 */
final class SeatOwnership implements Devices {
  static final String COLLECTION = "seat-owners";
  /** Live engines that compete for seats, each with the expiry of its last heartbeat. */
  static final String NODES = "seat-nodes";
  private static final Logger LOG = LoggerFactory.getLogger(SeatOwnership.class);

  /** A seat's owner as stored. */
  record Owner(String workerId, Instant expiresAt) {}

  private final Parts parts;
  private final DeviceDriver driver;
  private final List<SeatCredentials> seats;
  private final StateStore store;
  private final Duration lease;
  private final Set<SeatId> owned = ConcurrentHashMap.newKeySet();
  /** Seats given up: their sessions are closing; their leases are freed one renewal later. */
  private final Set<SeatId> releasing = ConcurrentHashMap.newKeySet();
  /** Whether an attempt on this engine is using a seat now: such a seat is not given up yet. */
  private final java.util.function.Predicate<SeatId> inUse;
  private volatile boolean stopped;
  private EngineTimer.@Nullable Cancellable next;

  /** The engine parts ownership needs (it is built before the rest, which hands its view out). */
  record Parts(io.cunkebao.core.SchedulerConfig config, PayloadCodec codec, java.time.InstantSource clock,
      EngineTimer timer, GuardedListeners listeners) {}

  SeatOwnership(Parts parts, DeviceDriver driver, List<SeatCredentials> seats, StateStore store,
      java.util.function.Predicate<SeatId> inUse) {
    this.inUse = inUse;
    this.parts = parts;
    this.driver = driver;
    this.seats = List.copyOf(seats);
    this.store = store;
    this.lease = parts.config().leaseDuration();
  }

  void start() {
    renewAll();
  }

  /** Gives up every seat this engine owns, so another engine can take them over at once. */
  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel();
    }
    for (SeatId seat : Set.copyOf(owned)) {
      lose(seat);
      store.get(COLLECTION, seat.value()).ifPresent(v -> {
        if (decode(v).workerId().equals(parts.config().workerId())) {
          store.delete(COLLECTION, seat.value(), v.version());
        }
      });
    }
    store.get(NODES, parts.config().workerId()).ifPresent(v -> store.delete(NODES, v.key(), v.version()));
  }

  @Override
  public Optional<DeviceSession> session(SeatId seat) {
    return owned.contains(seat) ? driver.session(seat) : Optional.empty();
  }

  @Override
  public Set<SeatId> ownedSeats() {
    return Set.copyOf(owned);
  }

  private void renewAll() {
    try {
      int share = fairShare(parts.clock().instant());
      for (SeatCredentials seat : seats) {
        renew(seat, share);
      }
    } catch (RuntimeException e) {
      parts.listeners().onEngineError("seat ownership", e);
    } finally {
      synchronized (this) {
        if (!stopped) {
          next = parts.timer().schedule(this::renewAll, lease.dividedBy(3));
        }
      }
    }
  }

  /** Heartbeats this engine and counts the live ones: the most seats this engine should own. */
  private int fairShare(Instant now) {
    String me = parts.config().workerId();
    Optional<VersionedValue> mine = store.get(NODES, me);
    store.compareAndSet(NODES, me, mine.map(VersionedValue::version).orElse(0L),
        parts.codec().encode(new Owner(me, now.plus(lease))), now);
    int live = 0;
    for (VersionedValue node : store.list(NODES, null, 10_000)) {
      if (decode(node).expiresAt().isAfter(now)) {
        live++;
      } else {
        store.delete(NODES, node.key(), node.version()); // a dead engine's heartbeat
      }
    }
    return (seats.size() + Math.max(live, 1) - 1) / Math.max(live, 1);
  }

  private void renew(SeatCredentials credentials, int share) {
    SeatId seat = credentials.seat();
    Instant now = parts.clock().instant();
    Optional<VersionedValue> current = store.get(COLLECTION, seat.value());
    Owner holder = current.map(this::decode).orElse(null);
    boolean ours = holder != null && holder.workerId().equals(parts.config().workerId());
    if (holder != null && !ours && holder.expiresAt().isAfter(now)) {
      lose(seat); // someone else holds a live lease
      return;
    }
    if (ours && releasing.remove(seat)) {
      // Freed a renewal after its session was closed, so the next owner's sign-in cannot reach
      // the cloud before our close and kick it.
      store.delete(COLLECTION, seat.value(), current.get().version());
      return;
    }
    if (ours && owned.size() > share && owned.contains(seat) && !inUse.test(seat)) {
      giveUp(seat); // more than our share: leave it to an engine with room
      return;
    }
    if (!ours && owned.size() >= share) {
      return; // a free seat, but we have our share; an engine with room takes it
    }
    byte[] next = parts.codec().encode(new Owner(parts.config().workerId(), now.plus(lease)));
    boolean won = store.compareAndSet(COLLECTION, seat.value(), current.map(VersionedValue::version).orElse(0L), next, now).isPresent();
    if (won && owned.add(seat)) {
      LOG.info("Engine {} owns seat {} now; signing in", parts.config().workerId(), seat);
      driver.openSession(credentials).exceptionally(e -> {
        parts.listeners().onEngineError("signing in seat " + seat + " (retried at the next renewal)", e);
        owned.remove(seat);
        return null;
      });
    } else if (!won) {
      lose(seat);
    }
  }

  private void giveUp(SeatId seat) {
    LOG.info("Engine {} gives up seat {} to spread seats over the live engines", parts.config().workerId(), seat);
    lose(seat);
    releasing.add(seat);
  }

  private void lose(SeatId seat) {
    if (owned.remove(seat)) {
      LOG.info("Engine {} no longer owns seat {}; closing its session", parts.config().workerId(), seat);
      driver.session(seat).ifPresent(DeviceSession::close);
    }
  }

  private Owner decode(VersionedValue value) {
    return parts.codec().decode(value.value(), Owner.class);
  }
}

package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.InMemoryQueueDriverProvider;
import io.cunkebao.core.InMemoryStateStore;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.engine.TestPayloads.Msg;
import io.cunkebao.core.testing.ManualScheduler;
import io.cunkebao.core.testing.SettableClock;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One session per seat across engines: a seat is signed in only on its owner, and taken over when the owner goes. */
class SeatOwnershipTest {
  private static final SeatCredentials S1 = new SeatCredentials(SeatId.of("s1"), "sales01", "secret");
  private static final SeatCredentials S2 = new SeatCredentials(SeatId.of("s2"), "sales02", "secret");

  private final SettableClock clock = new SettableClock();
  private final ManualScheduler manual = new ManualScheduler(clock);
  private final QueueDriver queue = new InMemoryQueueDriverProvider().open(URI.create("memory:seats"), QueueDriverConfig.defaults(ZoneOffset.UTC));
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final TaskType<Msg> useSeat = TaskType.of("device:use", Msg.class,
      (p, ctx) -> seen.add(ctx.devices().session(SeatId.of(p.text())).map(s -> "session " + s.seat()).orElse("none")));

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void firstEngineOwnsTheSeats_secondTakesOverWhenItStops() {
    FakeDrivers drivers = new FakeDrivers();
    TaskScheduler a = engine("a", drivers.driver("a"));
    TaskScheduler b = engine("b", drivers.driver("b"));

    assertThat(drivers.signedIn("a")).containsExactlyInAnyOrder("s1", "s2");
    assertThat(drivers.signedIn("b")).isEmpty();
    a.submit(TaskRequest.of(useSeat, new Msg("s1")));
    manual.runUntilIdle();
    assertThat(seen).containsExactly("session s1");

    a.close();
    assertThat(drivers.signedIn("a")).isEmpty();
    manual.advance(Duration.ofSeconds(10));
    assertThat(drivers.signedIn("b")).containsExactlyInAnyOrder("s1", "s2");
    b.close();
  }

  @Test
  void secondEngine_getsItsShareOfTheSeats() {
    FakeDrivers drivers = new FakeDrivers();
    TaskScheduler a = engine("a", drivers.driver("a"));
    TaskScheduler b = engine("b", drivers.driver("b"));
    assertThat(drivers.signedIn("a")).hasSize(2);

    manual.advance(Duration.ofSeconds(30)); // renewals: a gives one up, frees it, b takes it

    assertThat(drivers.signedIn("a")).hasSize(1);
    assertThat(drivers.signedIn("b")).hasSize(1);
    assertThat(drivers.signedIn("a")).doesNotContainAnyElementsOf(drivers.signedIn("b"));
    a.close();
    b.close();
  }

  @Test
  void seatTask_runsOnlyOnTheSeatsOwner_wheneverItIsSubmitted() {
    FakeDrivers drivers = new FakeDrivers();
    List<String> ranOn = new CopyOnWriteArrayList<>();
    TaskType<Msg> onSeat = TaskType.of("device:onSeat", Msg.class, (p, ctx) -> ranOn.add(ctx.devices().ownedSeats().isEmpty() ? "no seats" : "owner"));
    TaskScheduler a = engine("a", drivers.driver("a"), onSeat);
    TaskScheduler b = engine("b", drivers.driver("b"), onSeat);
    for (int i = 0; i < 20; i++) {
      (i % 2 == 0 ? a : b).submit(TaskRequest.builder(onSeat, new Msg("m" + i)).resource(SeatId.of("s1").resourceKey()).build());
    }
    manual.runUntilIdle();

    assertThat(ranOn).hasSize(20).containsOnly("owner");
    a.close();
    b.close();
  }

  @Test
  void ownerThatDiedWithoutAWord_losesTheSeatsWhenItsLeaseExpires() {
    FakeDrivers drivers = new FakeDrivers();
    SettableClock frozenClock = new SettableClock(clock.instant());
    ManualScheduler deadTimer = new ManualScheduler(frozenClock); // never stepped: a dead node
    Schedulers.builder().queue(queue).stateStore(store).clock(clock).timer(deadTimer).workerExecutor(deadTimer)
        .workerId("dead").devices(drivers.driver("dead"), S1, S2).taskTypes(useSeat).build().start();
    deadTimer.runUntilIdle();
    TaskScheduler b = engine("b", drivers.driver("b"));
    assertThat(drivers.signedIn("b")).isEmpty();

    manual.advance(Duration.ofSeconds(40)); // past the dead node's 30 s lease

    assertThat(drivers.signedIn("b")).containsExactlyInAnyOrder("s1", "s2");
    b.close();
  }

  private TaskScheduler engine(String id, DeviceDriver driver, TaskType<?>... more) {
    TaskScheduler engine = Schedulers.builder().queue(queue).stateStore(store).clock(clock).timer(manual).workerExecutor(manual)
        .workerId(id).shutdownTimeout(Duration.ofMillis(50)).devices(driver, S1, S2).taskTypes(useSeat).taskTypes(more).build();
    engine.start();
    manual.runUntilIdle();
    return engine;
  }

  /** Device drivers whose sessions are stand-ins that only know their seat. */
  private static final class FakeDrivers {
    private final Map<String, Map<SeatId, DeviceSession>> open = new ConcurrentHashMap<>();

    DeviceDriver driver(String node) {
      Map<SeatId, DeviceSession> sessions = open.computeIfAbsent(node, n -> new ConcurrentHashMap<>());
      return new DeviceDriver() {
        @Override
        public CompletableFuture<DeviceSession> openSession(SeatCredentials credentials) {
          return CompletableFuture.completedFuture(sessions.computeIfAbsent(credentials.seat(), seat -> FakeDrivers.stub(seat, sessions)));
        }

        @Override
        public Optional<DeviceSession> session(SeatId seat) {
          return Optional.ofNullable(sessions.get(seat));
        }

        @Override
        public void close() {
          sessions.clear();
        }
      };
    }

    List<String> signedIn(String node) {
      return open.getOrDefault(node, Map.of()).keySet().stream().map(SeatId::value).toList();
    }

    private static DeviceSession stub(SeatId seat, Map<SeatId, DeviceSession> sessions) {
      return (DeviceSession) Proxy.newProxyInstance(DeviceSession.class.getClassLoader(), new Class<?>[] {DeviceSession.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "seat" -> seat;
            case "close" -> {
              sessions.remove(seat);
              yield null;
            }
            case "toString" -> "FakeSession[" + seat + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }
}

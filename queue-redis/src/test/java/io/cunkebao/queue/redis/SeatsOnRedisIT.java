package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.device.DeviceEventAttributes;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import io.cunkebao.core.EngineTimer;
import io.cunkebao.core.Schedulers;
import io.cunkebao.device.ws.WsDeviceDriver;
import io.cunkebao.device.ws.sim.DeviceCloudSimulator;
import io.cunkebao.device.ws.sim.SimSeat;
import io.cunkebao.device.ws.sim.SimulatorOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One session per seat across nodes, on Redis: two engines, each with a Redis driver of its own
 * (queue and state store) and a WebSocket driver of its own, against one simulated cloud with four
 * seats. The seats are spread over both engines, every seat task runs on the engine that owns the
 * seat (its handler needs the seat's session), our own nodes never kick each other, and when one
 * engine dies without a word (timer stopped, connections dropped, no {@code close()}) the other
 * takes every seat over within about a lease, after which pushes keep arriving on the survivor and
 * become tasks there.
 */
class SeatsOnRedisIT {
  private static final int SEATS = 4;
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final String NAMESPACE = "seats";
  /** Where the engines keep seat leases in the state store (SeatOwnership's collection). */
  private static final String SEAT_OWNERS = "seat-owners";
  private static final Pattern OWNER = Pattern.compile("\"workerId\"\\s*:\\s*\"([^\"]+)\".*\"expiresAt\"\\s*:\\s*\"([^\"]+)\"");

  /** A send through a seat: by a submitted task, or a reply to a push. */
  record Send(String seat, long account, long friend, String text) {}

  /** A seat task that ran: on which engine, through which seat, with which text. */
  record Run(String engine, String seat, String text) {}

  private static RedisServerFixture redis;

  private final DeviceCloudSimulator sim = DeviceCloudSimulator.start(new SimulatorOptions(42, SEATS, 1, 20, 0, 0,
      Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofMinutes(1), 10_000, 3));
  private final List<Run> sent = new CopyOnWriteArrayList<>();
  private final List<Run> replied = new CopyOnWriteArrayList<>();
  private final List<String> kicks = new CopyOnWriteArrayList<>();
  /** Closed after the test, last added first. */
  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
  private RedisQueueDriver observer;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerFixture.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    sim.close();
  }

  @Test
  void seatsSpreadOverTwoEngines_tasksOnTheOwner_noKicks_takeoverAndPushesAfterAnOwnerDies() {
    observer = redisDriver();
    Node a = node("A");
    await().atMost(Duration.ofSeconds(10)).until(() -> owners().values().stream().allMatch("A"::equals)
        && owners().size() == SEATS && sim.view().signedInSeats().size() == SEATS);
    Node b = node("B");
    closing.add(b.engine);

    // Spread: each engine owns half of the seats (its fair share) and every seat is signed in.
    long spreadStart = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      Map<String, String> owners = owners();
      return owners.size() == SEATS && owners.values().stream().filter("A"::equals).count() == SEATS / 2
          && owners.values().stream().filter("B"::equals).count() == SEATS / 2 && sim.view().signedInSeats().size() == SEATS;
    });
    long spreadMillis = (System.nanoTime() - spreadStart) / 1_000_000;
    Map<String, String> spread = owners();

    // Seat tasks, submitted on one engine, run on their seat's owner, whichever engine that is.
    List<Send> first = sends("before");
    first.forEach(s -> b.engine.submit(seatTask(s)));
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == first.size());
    assertThat(sent).allSatisfy(run -> assertThat(run.engine()).as("engine that ran %s", run).isEqualTo(spread.get(run.seat())));
    assertThat(sent).extracting(Run::engine).contains("A", "B");

    // Pushes reach the owner's session and become seat tasks there.
    pushToEverySeat("hello");
    await().atMost(Duration.ofSeconds(10)).until(() -> replied.size() == SEATS);
    assertThat(replied).allSatisfy(run -> assertThat(run.engine()).as("engine that replied %s", run).isEqualTo(spread.get(run.seat())));
    assertThat(replied).extracting(Run::seat).containsExactlyInAnyOrderElementsOf(spread.keySet());

    // A dies: its timer stops (no renewals, no claims) and its connections drop, without close().
    Set<String> seatsOfA = spread.entrySet().stream().filter(e -> e.getValue().equals("A")).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    long killed = System.nanoTime();
    a.timer.shutdownNow();
    a.devices.close();
    a.queue.close();

    // Tasks for A's seats wait for the takeover (no engine owns them meanwhile), then run on B.
    List<Send> second = sends("after");
    second.forEach(s -> b.engine.submit(seatTask(s)));
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() ->
        owners().values().stream().allMatch("B"::equals) && owners().size() == SEATS && sim.view().signedInSeats().size() == SEATS);
    long takeoverMillis = (System.nanoTime() - killed) / 1_000_000;
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == first.size() + second.size());
    assertThat(sent.subList(first.size(), sent.size())).extracting(Run::engine).containsOnly("B");
    assertThat(sent.subList(first.size(), sent.size())).extracting(Run::seat).containsAll(seatsOfA);

    // Pushes keep arriving, on the survivor, for every seat (A's former ones too).
    pushToEverySeat("still there?");
    await().atMost(Duration.ofSeconds(10)).until(() -> replied.size() == 2 * SEATS);
    List<Run> after = replied.subList(SEATS, replied.size());
    assertThat(after).extracting(Run::engine).containsOnly("B");
    assertThat(after).extracting(Run::seat).containsExactlyInAnyOrderElementsOf(spread.keySet());

    System.out.printf("seats on Redis: %d seats spread %s in %d ms; after engine A died, B owned every seat %d ms later "
        + "(lease %d ms)%n", SEATS, new TreeMap<>(spread), spreadMillis, takeoverMillis, LEASE.toMillis());
    assertThat(takeoverMillis).as("takeover time in ms").isLessThan(3 * LEASE.toMillis());
    assertThat(kicks).as("sessions kicked between our own engines").isEmpty();
    // Every send and every reply reached the cloud exactly once.
    assertThat(sim.record().ofKind("message")).hasSize(first.size() + second.size() + 2 * SEATS);
  }

  /** An engine of its own with a Redis driver (queue and state store), a timer and a WebSocket driver. */
  record Node(TaskScheduler engine, RedisQueueDriver queue, ScheduledExecutorService timer, WsDeviceDriver devices) {}

  private Node node(String name) {
    RedisQueueDriver queue = redisDriver();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    closing.add(timer::shutdownNow);
    AtomicReference<TaskScheduler> engine = new AtomicReference<>();
    WsDeviceDriver devices = new WsDeviceDriver(sim.driverUri(), deviceConfig(), e -> engine.get().publish(e));
    closing.add(devices);
    // A seat handed over between the claim and the send fails fast with "device offline": retry soon.
    TaskPolicy retrySoon = TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofMillis(200), Duration.ofMillis(200),
        Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200)));
    TaskType<Send> send = TaskType.builder("seat:send", Send.class).asyncHandler((p, ctx) ->
        ctx.devices().require(SeatId.of(p.seat())).messages().sendText(p.account(), p.friend(), p.text())
            .thenRun(() -> sent.add(new Run(name, p.seat(), p.text()))))
        .policy(retrySoon).build();
    TaskType<Send> reply = TaskType.builder("seat:reply", Send.class).asyncHandler((p, ctx) ->
        ctx.devices().require(SeatId.of(p.seat())).messages().sendText(p.account(), p.friend(), "re: " + p.text())
            .thenRun(() -> replied.add(new Run(name, p.seat(), p.text()))))
        .policy(retrySoon).build();
    TaskType<Send> kicked = TaskType.of("seat:kicked", Send.class, (p, ctx) -> kicks.add(name + ":" + p.seat()));
    SeatCredentials[] seats = sim.seats().stream().map(SimSeat::credentials).toArray(SeatCredentials[]::new);
    StateStore store = queue.stateStore().orElseThrow();
    TaskScheduler built = Schedulers.builder().queue(queue).stateStore(store).workerId(name)
        .timer(EngineTimer.of(timer)).leaseDuration(LEASE).pollInterval(Duration.ofMillis(100))
        .shutdownTimeout(Duration.ofMillis(500))
        .devices(devices, seats).taskTypes(send, reply, kicked)
        .eventTrigger(EventTrigger.on("count-kicks", EventTypes.SESSION_KICKED)
            .task(e -> TaskRequest.of(kicked, new Send(String.valueOf(e.attribute(DeviceEventAttributes.SEAT).orElse("?")), 0, 0, ""))).build())
        .eventTrigger(EventTrigger.on("reply", EventTypes.MESSAGE_RECEIVED).task(SeatsOnRedisIT::replyTo).build())
        .build();
    engine.set(built);
    built.start();
    return new Node(built, queue, timer, devices);
  }

  /** A push from a friend becomes a reply through the seat that received it, run by that seat's owner. */
  private static TaskRequest<?> replyTo(io.cunkebao.api.Event e) {
    String seat = String.valueOf(e.attribute(DeviceEventAttributes.SEAT).orElseThrow());
    long account = ((Number) e.attribute(DeviceEventAttributes.WECHAT_ACCOUNT_ID).orElseThrow()).longValue();
    long friend = ((Number) e.attribute(DeviceEventAttributes.FRIEND_ID).orElseThrow()).longValue();
    String text = String.valueOf(e.attribute(DeviceEventAttributes.CONTENT).orElse(""));
    return TaskRequest.builder("seat:reply", new Send(seat, account, friend, text)).resource(SeatId.of(seat).resourceKey()).build();
  }

  private RedisQueueDriver redisDriver() {
    RedisQueueDriver driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(redis.uri() + "?namespace=" + NAMESPACE)),
        QueueDriverConfig.defaults(ZoneOffset.UTC));
    closing.add(driver);
    return driver;
  }

  private static DeviceDriverConfig deviceConfig() {
    return DeviceDriverConfig.defaults()
        .withCallTimeout(Duration.ofSeconds(5))
        .withHeartbeatInterval(Duration.ofSeconds(1))
        .withReconnect(RetryPolicy.exponential(Duration.ofMillis(50), 2, Duration.ofMillis(400), 0.2, 100));
  }

  /** The live seat leases in the state store, as the observer (a third connection) reads them: seat to engine. */
  private Map<String, String> owners() {
    Instant now = Instant.now();
    Map<String, String> owners = new TreeMap<>();
    for (VersionedValue lease : observer.stateStore().orElseThrow().list(SEAT_OWNERS, null, 1_000)) {
      Matcher m = OWNER.matcher(new String(lease.value(), StandardCharsets.UTF_8));
      if (m.find() && Instant.parse(m.group(2)).isAfter(now)) {
        owners.put(lease.key(), m.group(1));
      }
    }
    return owners;
  }

  private void pushToEverySeat(String text) {
    for (SimSeat seat : sim.seats()) {
      long account = seat.wechatAccountIds().get(0);
      sim.triggers().friendMessage(account, sim.view().friendIds(account).get(0), text + " " + seat.seatId());
    }
  }

  private List<Send> sends(String label) {
    List<Send> sends = new ArrayList<>();
    for (SimSeat seat : sim.seats()) {
      long account = seat.wechatAccountIds().get(0);
      List<Long> friends = sim.view().friendIds(account);
      for (int i = 0; i < 2; i++) {
        sends.add(new Send(seat.seatId(), account, friends.get(i + 1), label + " " + i));
      }
    }
    return sends;
  }

  private static TaskRequest<Send> seatTask(Send send) {
    return TaskRequest.builder("seat:send", send).resource(SeatId.of(send.seat()).resourceKey()).build();
  }
}

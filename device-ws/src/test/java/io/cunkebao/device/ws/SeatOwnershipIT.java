package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.device.DeviceEventAttributes;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.core.EngineTimer;
import io.cunkebao.core.InMemoryQueueDriver;
import io.cunkebao.core.InMemoryStateStore;
import io.cunkebao.core.Schedulers;
import io.cunkebao.device.ws.sim.DeviceCloudSimulator;
import io.cunkebao.device.ws.sim.SimSeat;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines (two "nodes", each with its own WebSocket driver) on one queue and state store,
 * against the simulator: each seat is signed in by one engine at a time, even while the seats are
 * spread over both engines (no kick between our nodes), every seat task runs where its session is,
 * and when one engine dies the other takes every seat over within a lease, after which pushes
 * keep arriving and turn into tasks.
 */
class SeatOwnershipIT {
  record Send(String seat, long account, long friend, String text) {}

  private final DeviceCloudSimulator sim = DeviceCloudSimulator.start(SimulatorFixture.options());
  private final InMemoryQueueDriver queue = new InMemoryQueueDriver(QueueDriverConfig.defaults(ZoneOffset.UTC));
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final List<String> sentBy = new CopyOnWriteArrayList<>();
  private final List<String> kicks = new CopyOnWriteArrayList<>();
  private final List<String> repliedBy = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
  /** The engines, read by their drivers' event publishers (set once each engine is built). */
  private volatile TaskScheduler engineA;
  private volatile TaskScheduler engineB;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    queue.close();
    sim.close();
  }

  @Test
  void oneSessionPerSeat_tasksOnTheOwner_takeoverAfterTheOwnerDies() throws Exception {
    ScheduledExecutorService timerA = Executors.newSingleThreadScheduledExecutor();
    WsDeviceDriver driverA = new WsDeviceDriver(sim.driverUri(), SimulatorFixture.config(), e -> engineA.publish(e));
    engineA = engine("A", timerA, driverA);
    ScheduledExecutorService timerB = Executors.newSingleThreadScheduledExecutor();
    WsDeviceDriver driverB = new WsDeviceDriver(sim.driverUri(), SimulatorFixture.config(), e -> engineB.publish(e));
    engineB = engine("B", timerB, driverB);
    closing.add(driverB);
    closing.add(timerB::shutdownNow);
    closing.add(engineB);

    List<Send> first = sends("before");
    first.forEach(s -> engineB.submit(seatTask(s))); // each runs on its seat's owner, whichever engine that is
    await().atMost(Duration.ofSeconds(20)).until(() -> sentBy.size() == first.size());

    // A dies: its timer stops (no renewals, no claims) and its connections drop, without a word.
    timerA.shutdownNow();
    driverA.close();

    List<Send> second = sends("after");
    second.forEach(s -> engineB.submit(seatTask(s)));
    await().atMost(Duration.ofSeconds(20)).until(() -> sentBy.size() == first.size() + second.size());
    assertThat(sentBy.subList(first.size(), sentBy.size())).containsOnly("B");

    SimSeat seat = sim.seats().get(0);
    long account = seat.wechatAccountIds().get(0);
    sim.triggers().friendMessage(account, sim.view().friendIds(account).get(0), "在吗");
    await().atMost(Duration.ofSeconds(20)).until(() -> repliedBy.contains("B"));

    assertThat(sim.record().ofKind("message")).hasSize(first.size() + second.size());
    assertThat(kicks).isEmpty();
  }

  private TaskScheduler engine(String name, ScheduledExecutorService timer, WsDeviceDriver driver) {
    TaskType<Send> send = TaskType.builder("seat:send", Send.class).asyncHandler((p, ctx) ->
        ctx.devices().require(SeatId.of(p.seat())).messages().sendText(p.account(), p.friend(), p.text())
            .thenRun(() -> sentBy.add(name)))
        // A seat handed over between the claim and the send fails fast with "device offline": retry soon.
        .policy(io.cunkebao.api.TaskPolicy.seedDefault().withRetry(io.cunkebao.api.RetryPolicy.delays(
            Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200))))
        .build();
    TaskType<Send> kicked = TaskType.of("seat:kicked", Send.class, (p, ctx) -> kicks.add(name + ":" + p.seat()));
    TaskType<Send> reply = TaskType.of("seat:reply", Send.class, (p, ctx) -> repliedBy.add(name));
    SeatCredentials[] seats = sim.seats().stream().map(SimSeat::credentials).toArray(SeatCredentials[]::new);
    TaskScheduler engine = Schedulers.builder().queue(queue).stateStore(store).workerId(name)
        .timer(EngineTimer.of(timer)).leaseDuration(Duration.ofSeconds(1)).shutdownTimeout(Duration.ofMillis(200))
        .devices(driver, seats).taskTypes(send, kicked, reply)
        .eventTrigger(EventTrigger.on("count-kicks", EventTypes.SESSION_KICKED)
            .task(e -> TaskRequest.of(kicked, new Send(String.valueOf(e.attribute(DeviceEventAttributes.SEAT).orElse("?")), 0, 0, ""))).build())
        .eventTrigger(EventTrigger.on("reply", EventTypes.MESSAGE_RECEIVED)
            .task(e -> TaskRequest.of(reply, new Send("", 0, 0, "reply"))).build())
        .build();
    engine.start();
    return engine;
  }

  private List<Send> sends(String label) {
    return sim.seats().stream().flatMap(seat -> {
      long account = seat.wechatAccountIds().get(0);
      List<Long> friends = sim.view().friendIds(account);
      return List.of(0, 1).stream().map(i -> new Send(seat.seatId(), account, friends.get(i), label + " " + i));
    }).toList();
  }

  private static TaskRequest<Send> seatTask(Send send) {
    return TaskRequest.builder("seat:send", send).resource(SeatId.of(send.seat()).resourceKey()).build();
  }
}

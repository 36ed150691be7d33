package io.cunkebao.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTriggerTest {
  record Welcome(String chatroomId, String nickname) {}

  private final TriggerFixture fx = new TriggerFixture(Instant.parse("2026-01-05T00:00:00Z"));
  private final List<String> welcomed = new CopyOnWriteArrayList<>();
  private final TaskType<Welcome> welcome = TaskType.of("group:welcome", Welcome.class,
      (p, ctx) -> welcomed.add(p.chatroomId() + "/" + p.nickname() + "@" + ctx.clock().instant()));
  private final EventTrigger onJoin = EventTrigger.on("welcome-new-member", EventTypes.MEMBER_JOINED)
      .filter(e -> !"bot".equals(e.attribute("nickname").orElse("")))
      .delay(Duration.ofSeconds(3))
      .task(e -> TaskRequest.of(welcome, new Welcome((String) e.attribute("chatroomId").orElseThrow(), (String) e.attribute("nickname").orElseThrow())))
      .build();

  @AfterEach
  void close() {
    fx.close();
  }

  private TaskScheduler engine(String id) {
    return fx.engine(id, b -> b.taskTypes(welcome).eventTrigger(onJoin));
  }

  private Event joined(String id, String nickname) {
    return new Event(id, EventTypes.MEMBER_JOINED, fx.clock.instant(), Map.of("chatroomId", "room-1", "nickname", nickname));
  }

  @Test
  void memberJoined_welcomeEnqueuedThreeSecondsLater() {
    TaskScheduler engine = engine("a");
    engine.publish(joined("msg-1", "Ann"));
    fx.manual.runUntilIdle();
    fx.manual.advance(Duration.ofMillis(2999));
    assertThat(welcomed).isEmpty();

    fx.manual.advance(Duration.ofMillis(1));
    assertThat(welcomed).containsExactly("room-1/Ann@2026-01-05T00:00:03Z");
  }

  @Test
  void redeliveredEvent_enqueuesOnce_evenThroughTwoEngines() {
    TaskScheduler a = engine("a");
    TaskScheduler b = engine("b");
    a.publish(joined("msg-1", "Ann"));
    b.publish(joined("msg-1", "Ann"));
    a.publish(joined("msg-1", "Ann"));
    fx.manual.advance(Duration.ofSeconds(10));

    assertThat(welcomed).hasSize(1);
    assertThat(fx.enqueued("cunkebao:event")).isEqualTo(1);
    assertThat(fx.enqueued("group:welcome")).isEqualTo(1);
  }

  @Test
  void filteredEvent_noTask() {
    TaskScheduler engine = engine("a");
    engine.publish(joined("msg-2", "bot"));
    engine.publish(new Event("msg-3", EventTypes.FRIEND_ADDED, fx.clock.instant(), Map.of()));
    fx.manual.advance(Duration.ofSeconds(10));

    assertThat(welcomed).isEmpty();
    assertThat(fx.enqueued("group:welcome")).isZero();
  }

  @Test
  void publishedEvent_isDurable_runsOnAnotherEngineAfterTheFirstIsGone() {
    TaskScheduler publisher = engine("publisher");
    publisher.publish(joined("msg-9", "Bo"));
    publisher.close();

    engine("worker");
    fx.manual.advance(Duration.ofSeconds(3));
    assertThat(welcomed).containsExactly("room-1/Bo@2026-01-05T00:00:03Z");
  }
}

package io.cunkebao.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.MisfirePolicy;
import io.cunkebao.api.OverlapPolicy;
import io.cunkebao.api.ScheduleInfo;
import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.UnknownTaskTypeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  record Run(String label) {}

  private final TriggerFixture fx = new TriggerFixture(Instant.parse("2026-01-05T00:00:00Z"));
  private final List<Instant> ranAt = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> hanging = new CopyOnWriteArrayList<>();
  private final TaskType<Run> sync = TaskType.of("cron:sync", Run.class, (p, ctx) -> ranAt.add(ctx.clock().instant()));
  private final TaskType<Run> slow = TaskType.builder("cron:slow", Run.class).asyncHandler((p, ctx) -> {
    ranAt.add(ctx.clock().instant());
    CompletableFuture<Void> f = new CompletableFuture<>();
    hanging.add(f);
    return f;
  }).build();

  @AfterEach
  void close() {
    fx.close();
  }

  private TaskScheduler engine(String id) {
    return fx.engine(id, b -> b.taskTypes(sync, slow));
  }

  private static ScheduleSpec.Builder every5min(TaskType<Run> type) {
    return ScheduleSpec.builder("sync-friends", "*/5 * * * *").task(TaskRequest.of(type, new Run("friends")));
  }

  @Test
  void schedule_firesAtEachCronTime_withDeterministicTaskIds() {
    TaskScheduler engine = engine("a");
    ScheduleInfo info = engine.schedules().add(every5min(sync).build());
    assertThat(info.nextFireTime()).isEqualTo(Instant.parse("2026-01-05T00:05:00Z"));

    fx.manual.advance(Duration.ofMinutes(15));

    assertThat(ranAt).containsExactly(Instant.parse("2026-01-05T00:05:00Z"), Instant.parse("2026-01-05T00:10:00Z"), Instant.parse("2026-01-05T00:15:00Z"));
    TaskId firing = TaskId.of("sched:sync-friends:" + Instant.parse("2026-01-05T00:10:00Z").toEpochMilli());
    assertThat(engine.status(firing).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(engine.schedules().get("sync-friends").orElseThrow().lastFireTime()).isEqualTo(Instant.parse("2026-01-05T00:15:00Z"));
  }

  @Test
  void twoEnginesOnOneQueue_enqueueEachFiringOnce() {
    TaskScheduler a = engine("a");
    engine("b");
    a.schedules().add(every5min(sync).build());
    fx.manual.advance(Duration.ofMinutes(31)); // b picks the schedule up at its 30 s refresh

    assertThat(ranAt).hasSize(6);
    assertThat(fx.enqueued("cron:sync")).isEqualTo(6);
  }

  @Test
  void overlapSkip_previousRunStillRunning_skipsFiring() {
    TaskScheduler engine = engine("a");
    engine.schedules().add(every5min(slow).build());
    fx.manual.advance(Duration.ofMinutes(5));
    fx.manual.advance(Duration.ofMinutes(5));
    assertThat(ranAt).hasSize(1);

    hanging.get(0).complete(null);
    fx.manual.advance(Duration.ofMinutes(5));
    assertThat(ranAt).hasSize(2);
  }

  @Test
  void overlapQueue_previousRunStillRunning_enqueuesAnyway() {
    TaskScheduler engine = engine("a");
    engine.schedules().add(every5min(slow).overlap(OverlapPolicy.QUEUE).build());
    fx.manual.advance(Duration.ofMinutes(10));

    assertThat(ranAt).hasSize(2);
  }

  @Test
  void misfireFireOnce_engineDownForHours_firesOnceNotABurst() {
    TaskScheduler first = engine("a");
    first.schedules().add(every5min(sync).build());
    fx.manual.advance(Duration.ofMinutes(5));
    first.close();

    fx.clock.advance(Duration.ofHours(3)); // nobody runs
    engine("restarted");

    assertThat(ranAt).hasSize(2);
    assertThat(ranAt.get(1)).isEqualTo(fx.clock.instant());
    fx.manual.advance(Duration.ofMinutes(5));
    assertThat(ranAt).hasSize(3);
  }

  @Test
  void misfireSkip_engineDownForHours_waitsForNextFiring() {
    TaskScheduler first = engine("a");
    first.schedules().add(every5min(sync).misfire(MisfirePolicy.SKIP).build());
    fx.manual.advance(Duration.ofMinutes(5));
    first.close();

    fx.clock.advance(Duration.ofHours(3));
    engine("restarted");
    assertThat(ranAt).hasSize(1);
    fx.manual.advance(Duration.ofMinutes(5));
    assertThat(ranAt).hasSize(2);
  }

  @Test
  void pauseResumeRemoveRunNow() {
    TaskScheduler engine = engine("a");
    engine.schedules().add(every5min(sync).build());
    engine.schedules().pause("sync-friends");
    fx.manual.advance(Duration.ofMinutes(20));
    assertThat(ranAt).isEmpty();
    assertThat(engine.schedules().get("sync-friends").orElseThrow().paused()).isTrue();
    assertThat(engine.schedules().get("sync-friends").orElseThrow().nextFireTime()).isNull();

    engine.schedules().resume("sync-friends");
    fx.manual.advance(Duration.ofMinutes(5));
    assertThat(ranAt).hasSize(1);

    TaskId manual = engine.schedules().runNow("sync-friends");
    fx.manual.runUntilIdle();
    assertThat(engine.status(manual).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);

    assertThat(engine.schedules().remove("sync-friends")).isTrue();
    fx.manual.advance(Duration.ofMinutes(30));
    assertThat(ranAt).hasSize(2);
    assertThat(engine.schedules().list()).isEmpty();
  }

  @Test
  void add_invalidInput_clearErrors() {
    TaskScheduler engine = engine("a");
    assertThatThrownBy(() -> engine.schedules().add(ScheduleSpec.builder("x", "0 25 * * *").task(TaskRequest.of(sync, new Run("x"))).build()))
        .hasMessageContaining("hour field '25'");
    assertThatThrownBy(() -> engine.schedules().add(ScheduleSpec.builder("x", "@daily").task(TaskRequest.builder("no:type", new Run("x")).build()).build()))
        .isInstanceOf(UnknownTaskTypeException.class);
    assertThatThrownBy(() -> ScheduleSpec.builder("x", "@daily").task(TaskRequest.builder(sync, new Run("x")).delay(Duration.ofSeconds(1)).build()))
        .hasMessageContaining("must not set runAt, delay, id or idempotencyKey");
    assertThatThrownBy(() -> engine.schedules().pause("missing")).hasMessageContaining("no schedule named 'missing'");
  }

  @Test
  void schedule_inItsOwnZone_listedWithNextFireTime() {
    TaskScheduler engine = engine("a");
    engine.schedules().add(ScheduleSpec.builder("score", "0 2 * * *").zone(ZoneId.of("Asia/Shanghai"))
        .task(TaskRequest.of(sync, new Run("score"))).build());

    ScheduleInfo info = engine.schedules().list().get(0);
    assertThat(info.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(info.nextFireTime()).isEqualTo(Instant.parse("2026-01-05T18:00:00Z"));
    assertThat(info.taskType()).isEqualTo("cron:sync");
  }

  @Test
  void manySchedules_eachFiresOnItsMinute() {
    TaskScheduler engine = engine("a");
    for (int i = 0; i < 1_000; i++) {
      engine.schedules().add(ScheduleSpec.builder("s" + i, (i % 60) + " * * * *").task(TaskRequest.of(sync, new Run("s" + i))).build());
    }
    fx.manual.advance(Duration.ofHours(1));
    assertThat(ranAt).hasSize(1_000);
  }
}

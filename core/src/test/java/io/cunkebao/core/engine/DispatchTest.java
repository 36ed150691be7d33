package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.MonitoringSnapshot;
import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchTest {
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
  private final TaskType<Msg> record = TaskType.of("test:record", Msg.class, (p, ctx) -> ran.add(p.text()));
  private final TaskType<Msg> async = TaskType.builder("test:async", Msg.class)
      .asyncHandler((p, ctx) -> {
        ran.add(p.text());
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(p.text(), done);
        return done;
      }).build();
  private EngineFixture fx;

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void delayedTask_runsAtItsTimeNotBefore() {
    fx = EngineFixture.start(b -> b.taskTypes(record));
    TaskId id = fx.submit(TaskRequest.builder(record, new Msg("welcome")).delay(Duration.ofSeconds(3)).build());

    fx.advance(Duration.ofMillis(2999));
    assertThat(ran).isEmpty();
    assertThat(fx.status(id)).isEqualTo(TaskStatus.PENDING);
    fx.advance(Duration.ofMillis(1));
    assertThat(ran).containsExactly("welcome");
  }

  @Test
  void runAt_inThePast_runsNow() {
    fx = EngineFixture.start(b -> b.taskTypes(record));
    fx.submit(TaskRequest.builder(record, new Msg("late")).runAt(fx.clock.instant().minusSeconds(60)).build());

    assertThat(ran).containsExactly("late");
  }

  @Test
  void dueTasks_higherPriorityFirst_thenDueOrder() {
    fx = EngineFixture.start(b -> b.taskTypes(record).maxConcurrency(1));
    fx.engine.pauseQueue("default");
    fx.submit(TaskRequest.builder(record, new Msg("low-1")).priority(0).build());
    fx.submit(TaskRequest.builder(record, new Msg("high")).priority(10).build());
    fx.submit(TaskRequest.builder(record, new Msg("low-2")).priority(0).build());
    fx.submit(TaskRequest.builder(record, new Msg("negative")).priority(-5).build());
    fx.engine.resumeQueue("default");
    fx.runUntilIdle();

    assertThat(ran).containsExactly("high", "low-1", "low-2", "negative");
  }

  @Test
  void asyncAttempts_countAgainstMaxConcurrency() {
    fx = EngineFixture.start(b -> b.taskTypes(async).maxConcurrency(5));
    List<TaskId> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(fx.submit(TaskRequest.of(async, new Msg("t" + i))));
    }

    assertThat(ran).hasSize(5);
    MonitoringSnapshot snapshot = fx.engine.snapshot();
    assertThat(snapshot.processing()).isEqualTo(5);
    assertThat(snapshot.queueLength()).isEqualTo(3);
    assertThat(snapshot.busyWorkers()).isEqualTo(5);

    pending.get("t0").complete(null);
    fx.runUntilIdle();
    assertThat(ran).hasSize(6);
    assertThat(fx.status(ids.get(0))).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void asyncAttempt_failedStage_isRetried() {
    fx = EngineFixture.start(b -> b.taskTypes(async));
    TaskId id = fx.submit(TaskRequest.of(async, new Msg("a")));
    pending.get("a").completeExceptionally(new IllegalStateException("device said no"));
    fx.runUntilIdle();

    assertThat(fx.status(id)).isEqualTo(TaskStatus.PENDING);
    assertThat(fx.info(id).lastError()).isEqualTo("IllegalStateException: device said no");
  }

  @Test
  void resourceLimit_onePerAccount_otherAccountsNotHeldUp() {
    fx = EngineFixture.start(b -> b.taskTypes(async).maxConcurrency(10).resourceLimit("account", 1));
    for (int i = 0; i < 5; i++) {
      fx.submit(TaskRequest.builder(async, new Msg("hot-" + i)).resource(ResourceKey.of("account", "hot")).build());
    }
    fx.submit(TaskRequest.builder(async, new Msg("cold-a")).resource(ResourceKey.of("account", "a")).build());
    fx.submit(TaskRequest.builder(async, new Msg("cold-b")).resource(ResourceKey.of("account", "b")).build());

    assertThat(ran).containsExactlyInAnyOrder("hot-0", "cold-a", "cold-b");
    pending.get("hot-0").complete(null);
    fx.runUntilIdle();
    assertThat(ran).contains("hot-1").doesNotContain("hot-2");
  }

  @Test
  void engine_consumesOnlyItsQueues() {
    fx = EngineFixture.start(b -> b.taskTypes(record).consume("high"));
    fx.submit(TaskRequest.builder(record, new Msg("h")).queue("high").build());
    TaskId other = fx.submit(TaskRequest.builder(record, new Msg("d")).build());

    assertThat(ran).containsExactly("h");
    assertThat(fx.status(other)).isEqualTo(TaskStatus.PENDING);
  }

  @Test
  void followUp_fromHandler_isEnqueuedAndRuns() {
    TaskType<Msg> chain = TaskType.of("test:chain", Msg.class, (p, ctx) -> {
      ran.add(p.text());
      if (!p.text().endsWith("3")) {
        ctx.followUp(TaskRequest.builder("test:chain", new Msg(p.text() + "3")).delay(Duration.ofSeconds(5)).build());
      }
    });
    fx = EngineFixture.start(b -> b.taskTypes(chain));
    fx.submit(TaskRequest.of(chain, new Msg("step")));
    fx.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("step", "step3");
  }

  @Test
  void workerSnapshot_namesRunningTask() {
    fx = EngineFixture.start(b -> b.taskTypes(async).maxConcurrency(2));
    TaskId id = fx.submit(TaskRequest.of(async, new Msg("x")));

    assertThat(fx.engine.snapshot().workers())
        .anySatisfy(w -> {
          assertThat(w.taskId()).isEqualTo(id);
          assertThat(w.type()).isEqualTo("test:async");
        });
    assertThat(fx.engine.snapshot().summary()).contains("processing 1").contains("workers 1/2 busy");
  }
}

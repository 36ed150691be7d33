package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.StopReason;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskNotFoundException;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.engine.TestPayloads.Msg;
import io.cunkebao.core.engine.TestPayloads.Position;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final AtomicReference<TaskContext> context = new AtomicReference<>();
  private final TaskType<Msg> record = TaskType.of("test:record", Msg.class, (p, ctx) -> sent.add(p.text()));
  private final TaskType<Msg> async = TaskType.builder("test:async", Msg.class).asyncHandler((p, ctx) -> {
    context.set(ctx);
    return new CompletableFuture<Void>();
  }).build();
  /** Sends to ten targets, checkpointing after each; pauses itself after the third, as a user would. */
  private final TaskType<Msg> batch = TaskType.of("group:push", Msg.class, (p, ctx) -> {
    int start = ctx.checkpoint(Position.class).map(Position::next).orElse(0);
    for (int i = start; i < 10; i++) {
      sent.add("target-" + i);
      if (i == 3 && p.text().equals("pause-at-3") && ctx.attempt() == 1) {
        ctx.client().pause(ctx.taskId());
      }
      ctx.checkpoint(new Position(i + 1));
    }
  });
  private final EngineFixture fx = EngineFixture.start(b -> b.taskTypes(record, async, batch));

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void cancel_pendingTask_cancelledAtOnceAndNeverRuns() {
    TaskId id = fx.submit(TaskRequest.builder(record, new Msg("x")).delay(Duration.ofMinutes(5)).build());

    assertThat(fx.engine.cancel(id)).isEqualTo(TaskStatus.CANCELLED);
    fx.advance(Duration.ofMinutes(10));
    assertThat(sent).isEmpty();
    assertThat(fx.status(id).code()).isEqualTo(4);
    assertThat(fx.events.kinds(id)).containsExactly(Kind.ENQUEUED, Kind.CANCELLED);
  }

  @Test
  void cancel_runningTask_signalsThenEndsCancelledAfterGrace() {
    TaskId id = fx.submit(TaskRequest.of(async, new Msg("x")));

    assertThat(fx.engine.cancel(id)).isEqualTo(TaskStatus.RUNNING);
    assertThat(context.get().isCancelled()).isTrue();
    assertThat(context.get().stopReason()).contains(StopReason.CANCELLED);
    fx.advance(Duration.ofSeconds(10)); // the handler ignores it; the grace period ends it

    assertThat(fx.status(id)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(fx.engine.snapshot().processing()).isZero();
  }

  @Test
  void cancel_completedTask_illegalTransitionNamesBothStates() {
    TaskId id = fx.submit(TaskRequest.of(record, new Msg("x")));

    assertThatThrownBy(() -> fx.engine.cancel(id))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("illegal task transition from COMPLETED to CANCELLED");
  }

  @Test
  void operations_unknownTask_notFound() {
    TaskId unknown = TaskId.of("nope");
    assertThatThrownBy(() -> fx.engine.cancel(unknown)).isInstanceOf(TaskNotFoundException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> fx.engine.pause(unknown)).isInstanceOf(TaskNotFoundException.class);
    assertThat(fx.engine.status(unknown)).isEmpty();
  }

  @Test
  void pause_pendingTask_holdsItUntilResumed() {
    TaskId id = fx.submit(TaskRequest.builder(record, new Msg("x")).delay(Duration.ofSeconds(10)).build());

    assertThat(fx.engine.pause(id)).isEqualTo(TaskStatus.PAUSED);
    assertThat(fx.status(id).code()).isEqualTo(5);
    fx.advance(Duration.ofMinutes(1));
    assertThat(sent).isEmpty();

    assertThat(fx.engine.resume(id)).isEqualTo(TaskStatus.PENDING);
    fx.runUntilIdle();
    assertThat(sent).containsExactly("x");
    assertThat(fx.events.kinds(id)).containsSubsequence(Kind.PAUSED, Kind.RESUMED, Kind.STARTED, Kind.SUCCEEDED);
  }

  @Test
  void pause_runningBatch_honouredAtNextCheckpointAndResumesWhereItStopped() {
    TaskId id = fx.submit(TaskRequest.of(batch, new Msg("pause-at-3")));

    assertThat(fx.status(id)).isEqualTo(TaskStatus.PAUSED);
    assertThat(sent).containsExactly("target-0", "target-1", "target-2", "target-3");
    assertThat(fx.info(id).attempts()).isZero(); // a pause does not use up an attempt

    fx.engine.resume(id);
    fx.runUntilIdle();

    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(sent).containsExactly("target-0", "target-1", "target-2", "target-3", "target-4",
        "target-5", "target-6", "target-7", "target-8", "target-9");
  }

  @Test
  void resume_taskNotPaused_illegalTransition() {
    TaskId id = fx.submit(TaskRequest.builder(record, new Msg("x")).delay(Duration.ofSeconds(10)).build());
    assertThatThrownBy(() -> fx.engine.resume(id)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void pauseQueue_holdsAllItsTasks_resumeQueueRunsThem() {
    fx.engine.pauseQueue("default");
    TaskId a = fx.submit(TaskRequest.of(record, new Msg("a")));
    fx.submit(TaskRequest.of(record, new Msg("b")));
    fx.advance(Duration.ofMinutes(1));
    assertThat(sent).isEmpty();
    assertThat(fx.status(a)).isEqualTo(TaskStatus.PENDING);

    fx.engine.resumeQueue("default");
    fx.runUntilIdle();
    assertThat(sent).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void checkpoint_afterAttemptEnded_refused() {
    TaskId id = fx.submit(TaskRequest.of(async, new Msg("x")));
    fx.engine.cancel(id);
    fx.advance(Duration.ofSeconds(10));

    assertThatThrownBy(() -> context.get().checkpoint(new Position(1))).isInstanceOf(IllegalStateException.class);
  }
}

package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.IdempotencyConflictException;
import io.cunkebao.api.InvalidTaskRequestException;
import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.UnknownTaskTypeException;
import io.cunkebao.core.engine.TestPayloads.Msg;
import io.cunkebao.core.engine.TestPayloads.Strict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitTest {
  private final AtomicInteger runs = new AtomicInteger();
  private final TaskType<Msg> send = TaskType.of("message:send", Msg.class, (p, ctx) -> runs.incrementAndGet());
  private final TaskType<Strict> strict = TaskType.of("friend:add", Strict.class, (p, ctx) -> runs.incrementAndGet());
  private final EngineFixture fx = EngineFixture.start(b -> b.taskTypes(send, strict).maxPayloadBytes(64));

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void submit_knownType_runsToCompletion() {
    TaskId id = fx.submit(TaskRequest.of(send, new Msg("hi")));

    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(runs).hasValue(1);
    assertThat(fx.events.kinds(id)).containsExactly(TaskEvent.Kind.ENQUEUED, TaskEvent.Kind.STARTED, TaskEvent.Kind.SUCCEEDED);
  }

  @Test
  void submit_unknownType_rejectedNamingType() {
    assertThatThrownBy(() -> fx.engine.submit(TaskRequest.builder("nope:missing", new Msg("x")).build()))
        .isInstanceOf(UnknownTaskTypeException.class)
        .hasMessageContaining("type")
        .hasMessageContaining("nope:missing");
  }

  @Test
  void submit_payloadOfWrongClass_rejectedNamingPayload() {
    assertThatThrownBy(() -> fx.engine.submit(TaskRequest.builder("message:send", "a string").build()))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("payload"))
        .hasMessageContaining(Msg.class.getName());
  }

  @Test
  void submit_payloadOverLimit_rejectedWithSize() {
    assertThatThrownBy(() -> fx.engine.submit(TaskRequest.of(send, new Msg("x".repeat(100)))))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("payload"))
        .hasMessageContaining("over the limit of 64");
    assertThat(fx.engine.snapshot().queueLength()).isZero();
  }

  @Test
  void submit_payloadThatWouldNotBindBack_rejectedBeforeEnqueue() {
    TaskType<OneWay> oneWay = TaskType.of("export:oneWay", OneWay.class, (p, ctx) -> {});
    try (EngineFixture other = EngineFixture.start(b -> b.taskTypes(oneWay))) {
      assertThatThrownBy(() -> other.engine.submit(TaskRequest.of(oneWay, new OneWay("x"))))
          .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).startsWith("payload"))
          .hasMessageContaining("does not bind back to " + OneWay.class.getName());
      assertThat(other.engine.snapshot().queueLength()).isZero();
    }
  }

  @Test
  void submit_validStrictPayload_accepted() {
    assertThat(fx.status(fx.submit(TaskRequest.of(strict, new Strict("13800138000"))))).isEqualTo(TaskStatus.COMPLETED);
  }

  /** Serializes (a getter) but cannot be read back (no creator): the submit must catch that. */
  static final class OneWay {
    private final String value;

    OneWay(String value) {
      this.value = value;
    }

    public String getValue() {
      return value;
    }
  }

  @Test
  void request_badFields_rejectedNamingEachField() {
    assertThatThrownBy(() -> TaskRequest.builder("", new Msg("x")))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("type"));
    assertThatThrownBy(() -> TaskRequest.builder("message:send", null))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("payload"));
    assertThatThrownBy(() -> TaskRequest.builder(send, new Msg("x")).queue("bad queue"))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("queue"));
    assertThatThrownBy(() -> TaskRequest.builder(send, new Msg("x")).delay(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("delay"));
    assertThatThrownBy(() -> TaskRequest.builder(send, new Msg("x")).delay(Duration.ofSeconds(1)).runAt(fx.clock.instant()))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("runAt"));
    assertThatThrownBy(() -> TaskRequest.builder(send, new Msg("x")).idempotencyKey(""))
        .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
  }

  @Test
  void submit_sameIdempotencyKeyAndPayload_returnsFirstIdAndRunsOnce() {
    TaskRequest<Msg> request = TaskRequest.builder(send, new Msg("hi")).idempotencyKey("welcome:evt-1").delay(Duration.ofSeconds(3)).build();
    TaskId first = fx.submit(request);
    TaskId second = fx.submit(request);
    fx.advance(Duration.ofSeconds(3));

    assertThat(second).isEqualTo(first);
    assertThat(runs).hasValue(1);
    assertThat(fx.events.count(TaskEvent.Kind.ENQUEUED)).isEqualTo(1);
  }

  @Test
  void submit_sameIdempotencyKeyOtherPayload_conflicts() {
    fx.submit(TaskRequest.builder(send, new Msg("hi")).idempotencyKey("k").build());

    assertThatThrownBy(() -> fx.engine.submit(TaskRequest.builder(send, new Msg("other")).idempotencyKey("k").build()))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessageContaining("'k'");
  }

  @Test
  void submit_explicitIdTwice_enqueuesOnce() {
    TaskId chosen = TaskId.of("export-friends-2026-01-05");
    fx.submit(TaskRequest.builder(send, new Msg("x")).id(chosen).build());
    TaskId again = fx.submit(TaskRequest.builder(send, new Msg("x")).id(chosen).build());

    assertThat(again).isEqualTo(chosen);
    assertThat(runs).hasValue(1);
  }

  @Test
  void submit_afterClose_refused() {
    fx.close();
    assertThatThrownBy(() -> fx.engine.submit(TaskRequest.of(send, new Msg("x")))).isInstanceOf(IllegalStateException.class);
  }
}

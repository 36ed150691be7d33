package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.NonRetryableTaskException;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryAndDeadLetterTest {
  private final List<Instant> runTimes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean healthy = new AtomicBoolean(false);
  private EngineFixture fx;

  private final TaskType<Msg> flaky = TaskType.of("message:send", Msg.class, (p, ctx) -> {
    runTimes.add(ctx.clock().instant());
    if (!healthy.get()) {
      throw new IllegalStateException("device offline");
    }
  });
  private final TaskType<Msg> hopeless = TaskType.of("friend:add", Msg.class, (p, ctx) -> {
    throw new NonRetryableTaskException("wechat id does not exist");
  });

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void failingTask_seedPolicy_retriesAfter60_300_900sThenDeadLetters() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky, hopeless));
    Instant start = fx.clock.instant();
    TaskId id = fx.submit(TaskRequest.of(flaky, new Msg("hi")));

    fx.advance(Duration.ofSeconds(59));
    assertThat(runTimes).hasSize(1);
    fx.advance(Duration.ofHours(1));

    assertThat(runTimes).containsExactly(start, start.plusSeconds(60), start.plusSeconds(360), start.plusSeconds(1260));
    TaskInfo info = fx.info(id);
    assertThat(info.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(info.status().code()).isEqualTo(3);
    assertThat(info.deadLettered()).isTrue();
    assertThat(info.lastError()).contains("retries exhausted after 4 attempt(s)").contains("device offline");
    assertThat(fx.events.kinds(id)).containsExactly(Kind.ENQUEUED,
        Kind.STARTED, Kind.RETRY_SCHEDULED, Kind.STARTED, Kind.RETRY_SCHEDULED,
        Kind.STARTED, Kind.RETRY_SCHEDULED, Kind.STARTED, Kind.DEAD_LETTERED);
  }

  @Test
  void retryingTask_statusIsPendingWithLastError() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky));
    TaskId id = fx.submit(TaskRequest.of(flaky, new Msg("hi")));

    TaskInfo info = fx.info(id);
    assertThat(info.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(info.attempts()).isEqualTo(1);
    assertThat(info.runAt()).isEqualTo(fx.clock.instant().plusSeconds(60));
    assertThat(info.lastError()).isEqualTo("IllegalStateException: device offline");
  }

  @Test
  void nonRetryableFailure_deadLettersAtOnce() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky, hopeless));
    TaskId id = fx.submit(TaskRequest.of(hopeless, new Msg("x")));

    assertThat(fx.status(id)).isEqualTo(TaskStatus.FAILED);
    assertThat(fx.info(id).lastError()).isEqualTo("not retryable: NonRetryableTaskException: wechat id does not exist");
    assertThat(fx.engine.deadLetters("default", 10)).extracting(TaskInfo::id).containsExactly(id);
  }

  @Test
  void deadLetter_replay_runsAgainWithFreshAttempts() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky));
    TaskId id = fx.submit(TaskRequest.builder(flaky, new Msg("x")).retry(RetryPolicy.none()).build());
    assertThat(fx.status(id)).isEqualTo(TaskStatus.FAILED);

    healthy.set(true);
    fx.engine.replay(id);
    fx.runUntilIdle();

    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.info(id).attempts()).isEqualTo(1);
    assertThat(fx.engine.deadLetters("default", 10)).isEmpty();
    assertThat(fx.events.kinds(id)).contains(Kind.REPLAYED);
  }

  @Test
  void deadLetters_purge_removesThem() {
    fx = EngineFixture.start(b -> b.taskTypes(hopeless));
    fx.submit(TaskRequest.of(hopeless, new Msg("a")));
    fx.submit(TaskRequest.of(hopeless, new Msg("b")));

    assertThat(fx.engine.purgeDeadLetters("default")).isEqualTo(2);
    assertThat(fx.engine.deadLetters("default", 10)).isEmpty();
    assertThat(fx.engine.snapshot().deadLettered()).isZero();
  }

  @Test
  void requestOverride_exponentialBackoff_usesItsDelays() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky));
    Instant start = fx.clock.instant();
    fx.submit(TaskRequest.builder(flaky, new Msg("x"))
        .retry(RetryPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(3), 0, 3)).build());
    fx.advance(Duration.ofMinutes(1));

    assertThat(runTimes).containsExactly(start, start.plusSeconds(1), start.plusSeconds(3), start.plusSeconds(6));
  }

  @Test
  void typePolicy_overridesEngineDefault() {
    TaskType<Msg> quick = TaskType.builder("message:quick", Msg.class)
        .handler((p, ctx) -> { throw new IllegalStateException("no"); })
        .policy(io.cunkebao.api.TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofSeconds(10))))
        .build();
    fx = EngineFixture.start(b -> b.taskTypes(quick));
    TaskId id = fx.submit(TaskRequest.of(quick, new Msg("x")));
    fx.advance(Duration.ofSeconds(10));

    assertThat(fx.status(id)).isEqualTo(TaskStatus.FAILED);
    assertThat(fx.info(id).attempts()).isEqualTo(2);
  }

  @Test
  void discardPolicy_failsWithoutListingInDeadLetters() {
    fx = EngineFixture.start(b -> b.taskTypes(hopeless));
    TaskId id = fx.submit(TaskRequest.builder(hopeless, new Msg("x")).deadLetter(io.cunkebao.api.DeadLetterPolicy.DISCARD).build());

    assertThat(fx.status(id)).isEqualTo(TaskStatus.FAILED);
    assertThat(fx.info(id).deadLettered()).isFalse();
    assertThat(fx.engine.deadLetters("default", 10)).isEmpty();
  }

  @Test
  void snapshot_countsFailedAndCompletedToday() {
    fx = EngineFixture.start(b -> b.taskTypes(flaky));
    fx.submit(TaskRequest.of(flaky, new Msg("x")));
    healthy.set(true);
    fx.advance(Duration.ofSeconds(60));

    var snapshot = fx.engine.snapshot();
    assertThat(snapshot.completedToday()).isEqualTo(1);
    assertThat(snapshot.failedToday()).isEqualTo(1);
    assertThat(snapshot.queueLength()).isZero();
    assertThat(snapshot.workers()).hasSize(5).allMatch(w -> w.idle());
  }
}

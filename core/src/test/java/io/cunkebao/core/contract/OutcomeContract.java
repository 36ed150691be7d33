package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.IdempotencyConflictException;
import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.StoredTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract, part 2: retry, dead letter, replay and purge; idempotency. */
public abstract class OutcomeContract extends ClaimContract {
  // ---------------------------------------------------------------- retry, dead letter, replay

  @Test
  public void retryAt_future_notClaimableBeforeRunAt() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    Instant retryAt = now().plusSeconds(60);

    assertThat(driver.retryAt(lease, retryAt, "device busy", now())).contains(TaskStatus.PENDING);

    StoredTask stored = find("a");
    assertThat(stored.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(stored.runAt()).isEqualTo(retryAt);
    assertThat(stored.lastError()).isEqualTo("device busy");
    clock.advance(Duration.ofSeconds(59));
    assertThat(claim(10)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    ClaimedTask again = claimOne();
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(again.lease().fencingToken()).isGreaterThan(lease.fencingToken());
  }

  @Test
  public void retryAt_now_claimableAtOnce() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    driver.retryAt(lease, now(), "flaky", now());

    assertThat(claimOne().attempt()).isEqualTo(2);
  }

  @Test
  public void deadLetter_kept_listedAndReplayedWithAttemptsReset() {
    enqueue(task("a"));
    driver.retryAt(claimOne().lease(), now(), "first", now());
    Lease lease = claimOne().lease();

    assertThat(driver.deadLetter(lease, "gave up", true, now())).contains(TaskStatus.FAILED);

    StoredTask stored = find("a");
    assertThat(stored.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(stored.deadLettered()).isTrue();
    assertThat(stored.lastError()).isEqualTo("gave up");
    assertThat(stored.attempts()).isEqualTo(2);
    assertThat(driver.deadLetters(QUEUE, 10)).extracting(s -> s.envelope().id().value()).containsExactly("a");
    assertThat(claim(10)).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    driver.replay(TaskId.of("a"), now());

    StoredTask replayed = find("a");
    assertThat(replayed.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(replayed.attempts()).isZero();
    assertThat(replayed.deadLettered()).isFalse();
    assertThat(replayed.runAt()).isEqualTo(now());
    assertThat(driver.deadLetters(QUEUE, 10)).isEmpty();
    assertThat(claimOne().attempt()).isEqualTo(1);
  }

  @Test
  public void deadLetter_notKept_failedButNotListed() {
    enqueue(task("a"));

    assertThat(driver.deadLetter(claimOne().lease(), "bad payload", false, now())).contains(TaskStatus.FAILED);

    assertThat(find("a").status()).isEqualTo(TaskStatus.FAILED);
    assertThat(find("a").deadLettered()).isFalse();
    assertThat(driver.deadLetters(QUEUE, 10)).isEmpty();
    assertThatThrownBy(() -> driver.replay(TaskId.of("a"), now())).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  public void deadLetters_oldestFirst_upToTheLimit() {
    for (String id : List.of("x", "y", "z")) {
      enqueue(task(id));
    }
    for (String id : List.of("y", "z", "x")) {
      deadLetterOne(id);
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(driver.deadLetters(QUEUE, 10)).extracting(s -> s.envelope().id().value()).containsExactly("y", "z", "x");
    assertThat(driver.deadLetters(QUEUE, 2)).extracting(s -> s.envelope().id().value()).containsExactly("y", "z");
    assertThat(driver.deadLetters("other", 10)).isEmpty();
  }

  @Test
  public void purgeDeadLetters_deletesAndCounts() {
    enqueue(task("a"));
    enqueue(task("b"));
    enqueue(task("c").queue("other"));
    deadLetterOne("a");
    deadLetterOne("b");
    driver.deadLetter(driver.claim(request(List.of("other"), 1, Map.of())).get(0).lease(), "x", true, now());

    assertThat(driver.purgeDeadLetters(QUEUE)).isEqualTo(2);

    assertThat(driver.deadLetters(QUEUE, 10)).isEmpty();
    assertThat(driver.find(TaskId.of("a"))).isEmpty();
    assertThat(driver.find(TaskId.of("b"))).isEmpty();
    assertThat(driver.deadLetters("other", 10)).hasSize(1);
    assertThat(driver.purgeDeadLetters(QUEUE)).isZero();
  }

  @Test
  public void replay_taskNotDeadLettered_illegalTransition() {
    enqueue(task("a"));

    assertThatThrownBy(() -> driver.replay(TaskId.of("a"), now())).isInstanceOf(IllegalTransitionException.class);
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  public void enqueue_sameKeyWithinWindow_existingId() {
    enqueue(task("a").key("welcome:42"));
    clock.advance(WINDOW.minusSeconds(1));

    EnqueueResult again = enqueue(task("b").key("welcome:42").payload("{\"id\":\"a\"}"));

    assertThat(again).isEqualTo(new EnqueueResult(TaskId.of("a"), false));
    assertThat(driver.find(TaskId.of("b"))).isEmpty();
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void enqueue_sameKeyAfterWindow_newTask() {
    enqueue(task("a").key("welcome:42"));
    clock.advance(WINDOW);

    EnqueueResult again = enqueue(task("b").key("welcome:42").payload("{\"id\":\"a\"}"));

    assertThat(again).isEqualTo(new EnqueueResult(TaskId.of("b"), true));
    assertThat(ids(claim(10))).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  public void enqueue_sameKeyOtherPayload_conflict() {
    enqueue(task("a").key("welcome:42"));

    assertThatThrownBy(() -> enqueue(task("b").key("welcome:42").payload("{\"other\":true}")))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("welcome:42");
          assertThat(e.existingTask()).isEqualTo(TaskId.of("a"));
        });
    assertThat(driver.find(TaskId.of("b"))).isEmpty();
  }

  @Test
  public void enqueue_sameKeyOtherType_conflict() {
    enqueue(task("a").key("k"));

    assertThatThrownBy(() -> enqueue(task("b").key("k").type("other").payload("{\"id\":\"a\"}")))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  public void enqueue_explicitIdReused_deduplicated() {
    enqueue(task("a"));

    assertThat(enqueue(task("a"))).isEqualTo(new EnqueueResult(TaskId.of("a"), false));
    assertThatThrownBy(() -> enqueue(task("a").payload("{\"other\":1}"))).isInstanceOf(IdempotencyConflictException.class);
    assertThat(claim(10)).hasSize(1);
  }

  @Test
  public void enqueue_idOfLiveTask_deduplicatedEvenAfterWindow() {
    enqueue(task("a").delay(WINDOW.multipliedBy(2)));
    clock.advance(WINDOW.plusSeconds(1));

    assertThat(enqueue(task("a"))).isEqualTo(new EnqueueResult(TaskId.of("a"), false));
  }
}

package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract, part 1: enqueue, claim and ack; due order and priorities; leases and checkpoints. */
public abstract class ClaimContract extends QueueDriverFixture {
  // ---------------------------------------------------------------- enqueue, claim, ack

  @Test
  public void enqueue_dueTask_storedPending() {
    TaskEnvelope envelope = task("a").header("h", "v").build();

    EnqueueResult result = driver.enqueue(envelope, now());

    assertThat(result).isEqualTo(new EnqueueResult(TaskId.of("a"), true));
    StoredTask stored = find("a");
    assertThat(stored.envelope()).isEqualTo(envelope);
    assertThat(stored.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(stored.attempts()).isZero();
    assertThat(stored.runAt()).isEqualTo(now());
    assertThat(stored.deadLettered()).isFalse();
  }

  @Test
  public void claim_dueTask_runningWithLease() {
    enqueue(task("a"));

    ClaimedTask claimed = claimOne();

    assertThat(claimed.envelope().id()).isEqualTo(TaskId.of("a"));
    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(claimed.checkpoint()).isNull();
    assertThat(claimed.progress()).isNull();
    Lease lease = claimed.lease();
    assertThat(lease.taskId()).isEqualTo(TaskId.of("a"));
    assertThat(lease.token()).isNotBlank();
    assertThat(lease.expiresAt()).isEqualTo(now().plus(LEASE));
    assertThat(lease.workerId()).isEqualTo("w1");
    assertThat(find("a").status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(find("a").attempts()).isEqualTo(1);
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void ack_runningTask_completed() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    assertThat(driver.ack(lease, now())).contains(TaskStatus.COMPLETED);

    assertThat(find("a").status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(claim(10)).isEmpty();
    assertThat(driver.ack(lease, now())).isEmpty();
  }

  @Test
  public void claim_emptyQueue_nothing() {
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void claim_max_limitsTheBatch() {
    for (int i = 0; i < 5; i++) {
      enqueue(task("t" + i));
    }

    assertThat(claim(3)).hasSize(3);
    assertThat(claim(3)).hasSize(2);
  }

  @Test
  public void claim_otherQueue_notClaimed() {
    enqueue(task("a").queue("other"));

    assertThat(claim(10)).isEmpty();
    assertThat(driver.claim(request(List.of("other", QUEUE), 10, Map.of()))).hasSize(1);
  }

  @Test
  public void claim_eachTaskOnce_acrossClaims() {
    for (int i = 0; i < 20; i++) {
      enqueue(task("t" + i));
    }
    Set<TaskId> seen = new HashSet<>();

    for (int i = 0; i < 4; i++) {
      claim(5).forEach(c -> assertThat(seen.add(c.envelope().id())).isTrue());
    }

    assertThat(seen).hasSize(20);
  }

  // ---------------------------------------------------------------- delays and order

  @Test
  public void claim_delayedTask_notBeforeItsTime() {
    enqueue(task("a").delay(Duration.ofSeconds(10)));
    assertThat(find("a").status()).isEqualTo(TaskStatus.PENDING);

    assertThat(claim(10)).isEmpty();
    clock.advance(Duration.ofSeconds(9));
    assertThat(claim(10)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void claim_delayedTasks_inDueOrder() {
    enqueue(task("late").delay(Duration.ofSeconds(20)));
    enqueue(task("early").delay(Duration.ofSeconds(10)));
    clock.advance(Duration.ofSeconds(30));

    assertThat(ids(claim(10))).containsExactly("early", "late");
  }

  @Test
  public void claim_higherPriority_claimedFirst() {
    enqueue(task("low").priority(1));
    enqueue(task("high").priority(9));
    enqueue(task("mid").priority(5));

    assertThat(ids(claim(1))).containsExactly("high");
    assertThat(ids(claim(10))).containsExactly("mid", "low");
  }

  @Test
  public void claim_higherPriority_beatsEarlierDueTime() {
    enqueue(task("old").delay(Duration.ofSeconds(-60)));
    enqueue(task("urgent").priority(3));

    assertThat(ids(claim(10))).containsExactly("urgent", "old");
  }

  @Test
  public void claim_equalPriority_dueOrderThenEnqueueOrder() {
    enqueue(task("second").delay(Duration.ofSeconds(2)));
    enqueue(task("first").delay(Duration.ofSeconds(1)));
    enqueue(task("third-a").delay(Duration.ofSeconds(3)));
    enqueue(task("third-b").delay(Duration.ofSeconds(3)));
    clock.advance(Duration.ofSeconds(5));

    assertThat(ids(claim(10))).containsExactly("first", "second", "third-a", "third-b");
  }

  @Test
  public void claim_priorityOrder_acrossQueues() {
    enqueue(task("a").queue("q1").priority(1));
    enqueue(task("b").queue("q2").priority(2));
    enqueue(task("c").queue("q1").priority(3));

    assertThat(ids(driver.claim(request(List.of("q1", "q2"), 10, Map.of())))).containsExactly("c", "b", "a");
  }

  // ---------------------------------------------------------------- leases

  @Test
  public void claim_leaseNotExpired_notClaimedAgain() {
    enqueue(task("a"));
    claimOne();

    clock.advance(LEASE);

    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void claim_expiredLease_claimedAgainWithNextAttemptAndLargerFencingToken() {
    enqueue(task("a"));
    Lease first = claimOne().lease();

    clock.advance(LEASE.plusMillis(1));
    ClaimedTask second = claimOne();

    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.lease().fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(second.lease().token()).isNotEqualTo(first.token());
    assertThat(find("a").attempts()).isEqualTo(2);
  }

  @Test
  public void staleLease_afterReclaim_everyWriteRefused() {
    enqueue(task("a"));
    Lease stale = claimOne().lease();
    clock.advance(LEASE.plusMillis(1));
    Lease current = claimOne().lease();

    assertThat(driver.extendLease(stale, now().plus(LEASE), now())).isEqualTo(LeaseState.LOST);
    assertThat(driver.writeCheckpoint(stale, bytes("stale"), Progress.of(9, 9), now())).isEqualTo(LeaseState.LOST);
    assertThat(driver.retryAt(stale, now(), "stale", now())).isEmpty();
    assertThat(driver.release(stale, now())).isEmpty();
    assertThat(driver.deadLetter(stale, "stale", true, now())).isEmpty();
    assertThat(driver.ack(stale, now())).isEmpty();

    StoredTask stored = find("a");
    assertThat(stored.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(stored.checkpoint()).isNull();
    assertThat(stored.lastError()).isNull();
    assertThat(driver.ack(current, now())).contains(TaskStatus.COMPLETED);
  }

  @Test
  public void expiredLease_beforeAnyReclaim_writesRefused() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    clock.advance(LEASE.plusMillis(1));

    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.LOST);
    assertThat(driver.ack(lease, now())).isEmpty();
    assertThat(claimOne().attempt()).isEqualTo(2);
  }

  @Test
  public void extendLease_current_keepsTheTaskHeld() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    clock.advance(Duration.ofSeconds(20));

    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.ACTIVE);
    clock.advance(Duration.ofSeconds(25));

    assertThat(claim(10)).isEmpty();
    assertThat(driver.ack(lease, now())).contains(TaskStatus.COMPLETED);
  }

  @Test
  public void leaseWithForgedToken_refused() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    Lease forged = new Lease(lease.taskId(), "not-the-token", lease.fencingToken(), lease.expiresAt(), "w1");

    assertThat(driver.extendLease(forged, now(), now())).isEqualTo(LeaseState.LOST);
    assertThat(driver.ack(forged, now())).isEmpty();
    assertThat(driver.ack(lease, now())).contains(TaskStatus.COMPLETED);
  }

  @Test
  public void checkpoint_survivesReclaimAfterExpiry() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    assertThat(driver.writeCheckpoint(lease, bytes("sent:40"), Progress.of(40, 100), now())).isEqualTo(LeaseState.ACTIVE);
    clock.advance(LEASE.plusSeconds(1));
    ClaimedTask again = claimOne();

    assertThat(again.attempt()).isEqualTo(2);
    assertThat(again.checkpoint()).isEqualTo(bytes("sent:40"));
    assertThat(again.progress()).isEqualTo(Progress.of(40, 100));
    assertThat(find("a").checkpoint()).isEqualTo(bytes("sent:40"));
  }

  @Test
  public void checkpoint_nulls_keepThePreviousValues() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.writeCheckpoint(lease, bytes("one"), Progress.of(1, 3), now());

    driver.writeCheckpoint(lease, null, Progress.of(2, 3), now());
    driver.writeCheckpoint(lease, bytes("three"), null, now());

    StoredTask stored = find("a");
    assertThat(stored.checkpoint()).isEqualTo(bytes("three"));
    assertThat(stored.progress()).isEqualTo(Progress.of(2, 3));
  }
}

package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskNotFoundException;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract, part 3: pause and resume of tasks and queues; cancel; illegal transitions and unknown ids. */
public abstract class ControlContract extends OutcomeContract {
  // ---------------------------------------------------------------- pause and resume

  @Test
  public void pause_pendingTask_notClaimedUntilResumed() {
    enqueue(task("a"));

    assertThat(driver.pause(TaskId.of("a"), now())).isEqualTo(TaskStatus.PAUSED);

    assertThat(find("a").status()).isEqualTo(TaskStatus.PAUSED);
    assertThat(claim(10)).isEmpty();
    assertThat(driver.resume(TaskId.of("a"), now())).isEqualTo(TaskStatus.PENDING);
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void resume_delayedTask_stillDueAtItsTime() {
    enqueue(task("a").delay(Duration.ofMinutes(10)));
    driver.pause(TaskId.of("a"), now());
    clock.advance(Duration.ofMinutes(5));

    driver.resume(TaskId.of("a"), now());

    assertThat(claim(10)).isEmpty();
    assertThat(find("a").runAt()).isEqualTo(now().plus(Duration.ofMinutes(5)));
    clock.advance(Duration.ofMinutes(5));
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void resume_afterRunAtPassed_dueNow() {
    enqueue(task("a").delay(Duration.ofMinutes(1)));
    driver.pause(TaskId.of("a"), now());
    clock.advance(Duration.ofMinutes(5));

    driver.resume(TaskId.of("a"), now());

    assertThat(find("a").runAt()).isEqualTo(now());
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void pause_runningTask_holderAskedThenReleaseParksIt() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    assertThat(driver.pause(TaskId.of("a"), now())).isEqualTo(TaskStatus.RUNNING);

    assertThat(find("a").status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.PAUSE_REQUESTED);
    assertThat(driver.writeCheckpoint(lease, bytes("half"), null, now())).isEqualTo(LeaseState.PAUSE_REQUESTED);
    assertThat(driver.release(lease, now())).contains(TaskStatus.PAUSED);
    assertThat(find("a").status()).isEqualTo(TaskStatus.PAUSED);
    assertThat(claim(10)).isEmpty();

    assertThat(driver.resume(TaskId.of("a"), now())).isEqualTo(TaskStatus.PENDING);
    ClaimedTask again = claimOne();
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(again.checkpoint()).isEqualTo(bytes("half"));
  }

  @Test
  public void pause_runningTask_retryParksIt() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.pause(TaskId.of("a"), now());

    assertThat(driver.retryAt(lease, now().plusSeconds(60), "failed", now())).contains(TaskStatus.PAUSED);

    assertThat(find("a").lastError()).isEqualTo("failed");
    clock.advance(Duration.ofMinutes(2));
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void pause_runningTask_ackStillCompletes() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.pause(TaskId.of("a"), now());

    assertThat(driver.ack(lease, now())).contains(TaskStatus.COMPLETED);
  }

  @Test
  public void resume_runningTaskAskedToPause_withdrawsTheRequest() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.pause(TaskId.of("a"), now());

    assertThat(driver.resume(TaskId.of("a"), now())).isEqualTo(TaskStatus.RUNNING);

    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.ACTIVE);
    assertThat(driver.release(lease, now())).contains(TaskStatus.PENDING);
  }

  @Test
  public void release_doesNotCountTheAttempt() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    assertThat(driver.release(lease, now())).contains(TaskStatus.PENDING);

    assertThat(find("a").attempts()).isZero();
    assertThat(claimOne().attempt()).isEqualTo(1);
  }

  @Test
  public void pauseQueue_stopsClaimsUntilResumed() {
    enqueue(task("a"));
    enqueue(task("b").queue("other"));

    driver.pauseQueue(QUEUE);

    assertThat(driver.isQueuePaused(QUEUE)).isTrue();
    assertThat(driver.isQueuePaused("other")).isFalse();
    assertThat(ids(driver.claim(request(List.of(QUEUE, "other"), 10, Map.of())))).containsExactly("b");
    driver.resumeQueue(QUEUE);
    assertThat(driver.isQueuePaused(QUEUE)).isFalse();
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void pauseQueue_runningTaskSeesPauseRequested() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    driver.pauseQueue(QUEUE);

    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.PAUSE_REQUESTED);
    assertThat(driver.release(lease, now())).contains(TaskStatus.PENDING);
    assertThat(claim(10)).isEmpty();
    driver.resumeQueue(QUEUE);
    assertThat(ids(claim(10))).containsExactly("a");
  }

  @Test
  public void pauseQueue_beforeAnyTask_holdsNewTasks() {
    driver.pauseQueue("fresh");
    enqueue(task("a").queue("fresh"));

    assertThat(driver.claim(request(List.of("fresh"), 10, Map.of()))).isEmpty();
  }

  // ---------------------------------------------------------------- cancel

  @Test
  public void cancel_pendingTask_cancelled() {
    enqueue(task("a"));

    assertThat(driver.cancel(TaskId.of("a"), now())).isEqualTo(TaskStatus.CANCELLED);

    assertThat(find("a").status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void cancel_delayedTask_cancelled() {
    enqueue(task("a").delay(Duration.ofMinutes(1)));

    assertThat(driver.cancel(TaskId.of("a"), now())).isEqualTo(TaskStatus.CANCELLED);

    clock.advance(Duration.ofMinutes(2));
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void cancel_pausedTask_cancelled() {
    enqueue(task("a"));
    driver.pause(TaskId.of("a"), now());

    assertThat(driver.cancel(TaskId.of("a"), now())).isEqualTo(TaskStatus.CANCELLED);

    assertThat(find("a").status()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  public void cancel_runningTask_holderAskedThenRetryCancels() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();

    assertThat(driver.cancel(TaskId.of("a"), now())).isEqualTo(TaskStatus.RUNNING);

    assertThat(driver.extendLease(lease, now().plus(LEASE), now())).isEqualTo(LeaseState.CANCEL_REQUESTED);
    assertThat(driver.writeCheckpoint(lease, null, Progress.of(1, 2), now())).isEqualTo(LeaseState.CANCEL_REQUESTED);
    assertThat(driver.retryAt(lease, now(), "stopped", now())).contains(TaskStatus.CANCELLED);
    assertThat(find("a").status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(claim(10)).isEmpty();
  }

  @Test
  public void cancel_runningTask_releaseCancels() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.cancel(TaskId.of("a"), now());

    assertThat(driver.release(lease, now())).contains(TaskStatus.CANCELLED);
  }

  @Test
  public void cancel_runningTask_deadLetterCancels() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.cancel(TaskId.of("a"), now());

    assertThat(driver.deadLetter(lease, "stopped", true, now())).contains(TaskStatus.CANCELLED);
    assertThat(driver.deadLetters(QUEUE, 10)).isEmpty();
  }

  @Test
  public void cancel_runningTask_ackStillCompletes() {
    enqueue(task("a"));
    Lease lease = claimOne().lease();
    driver.cancel(TaskId.of("a"), now());

    assertThat(driver.ack(lease, now())).contains(TaskStatus.COMPLETED);
  }

  @Test
  public void cancel_completedTask_illegalTransitionNamingBothStates() {
    enqueue(task("a"));
    driver.ack(claimOne().lease(), now());

    assertThatThrownBy(() -> driver.cancel(TaskId.of("a"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(TaskStatus.COMPLETED);
          assertThat(e.to()).isEqualTo(TaskStatus.CANCELLED);
          assertThat(e).hasMessageContaining("COMPLETED").hasMessageContaining("CANCELLED");
        });
  }

  @Test
  public void pause_finishedOrPausedTask_illegalTransition() {
    enqueue(task("done"));
    enqueue(task("paused"));
    driver.cancel(TaskId.of("done"), now());
    driver.pause(TaskId.of("paused"), now());

    assertThatThrownBy(() -> driver.pause(TaskId.of("done"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo(TaskStatus.CANCELLED));
    assertThatThrownBy(() -> driver.pause(TaskId.of("paused"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.to()).isEqualTo(TaskStatus.PAUSED));
  }

  @Test
  public void resume_taskNotPaused_illegalTransition() {
    enqueue(task("running"));
    claimOne();
    enqueue(task("dead"));
    deadLetterOne("dead");
    enqueue(task("pending"));

    assertThatThrownBy(() -> driver.resume(TaskId.of("running"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo(TaskStatus.RUNNING));
    assertThatThrownBy(() -> driver.resume(TaskId.of("pending"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo(TaskStatus.PENDING));
    assertThatThrownBy(() -> driver.resume(TaskId.of("dead"), now()))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo(TaskStatus.FAILED));
  }

  @Test
  public void unknownId_taskNotFound() {
    TaskId unknown = TaskId.of("nope");

    assertThat(driver.find(unknown)).isEmpty();
    for (Runnable call : List.<Runnable>of(
        () -> driver.cancel(unknown, now()),
        () -> driver.pause(unknown, now()),
        () -> driver.resume(unknown, now()),
        () -> driver.replay(unknown, now()))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(TaskNotFoundException.class, e -> assertThat(e.taskId()).isEqualTo(unknown));
    }
  }
}

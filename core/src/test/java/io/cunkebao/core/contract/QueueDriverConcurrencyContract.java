package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.core.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Eight claimers over 10,000 tasks with a one-second lease on a shared {@link SettableClock} that
 * the claimers themselves move: a millisecond per claim, and now and then a whole lease at once (a
 * claimer "stalls" like a GC pause), so that leases expire mid-run and tasks are claimed again while
 * their old holder still works on them. A quarter of the tasks need one of 16 accounts, limited to
 * one running task each, so parking runs under contention too.
 *
 * <p>{@link LeaseAudit} checks that no two valid leases of a task ever overlap, that fencing tokens
 * grow with attempts, that only the newest lease's ack is accepted, and that every task is
 * completed exactly once.
 */
final class QueueDriverConcurrencyContract {
  private static final int TASKS = 10_000;
  private static final int CLAIMERS = 8;
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Map<String, Integer> LIMITS = Map.of("account", 1);

  private final QueueDriver driver;
  private final SettableClock clock;
  private final LeaseAudit audit = new LeaseAudit();

  QueueDriverConcurrencyContract(QueueDriver driver, SettableClock clock) {
    this.driver = driver;
    this.clock = clock;
  }

  void run() throws Exception {
    List<TaskId> ids = enqueueAll();
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> claimers = new ArrayList<>();
      for (int i = 0; i < CLAIMERS; i++) {
        int claimer = i;
        claimers.add(pool.submit(() -> {
          start.await();
          claimUntilAllDone(claimer);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> claimer : claimers) {
        claimer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(audit.violations()).isEmpty();
    assertThat(audit.completed()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(audit.refusedCount()).as("writes refused because the lease expired").isPositive();
    assertThat(audit.reclaimCount()).as("tasks claimed again").isPositive();
    for (TaskId id : ids) {
      assertThat(driver.find(id)).hasValueSatisfying(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED));
    }
  }

  private List<TaskId> enqueueAll() {
    List<TaskId> ids = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      EnvelopeBuilder task = new EnvelopeBuilder("c-" + i, clock.instant()).priority(i % 3);
      if (i % 4 == 0) {
        task.resource("account", "wx" + (i % 16));
      }
      ids.add(driver.enqueue(task.build(), clock.instant()).id());
    }
    return ids;
  }

  private void claimUntilAllDone(int claimer) {
    Random random = new Random(42L + claimer);
    while (audit.completedCount() < TASKS) {
      Instant now = clock.advance(Duration.ofMillis(1));
      List<ClaimedTask> batch = driver.claim(new ClaimRequest(List.of(QueueDriverFixture.QUEUE), 8, LEASE, "w" + claimer, LIMITS, now));
      if (batch.isEmpty()) {
        Thread.onSpinWait(); // the held tasks come back once the clock passes their leases
        continue;
      }
      Instant returnedAt = clock.instant();
      for (ClaimedTask task : batch) {
        audit.claimed(task, returnedAt);
        work(task.lease(), random);
      }
    }
  }

  /**
   * Finishes one claimed task: mostly an ack at once; sometimes after slow work that uses up part
   * of the lease (so other claimers run while leases are close to expiry), after a stall past the
   * lease, after an extension, or a retry instead.
   */
  private void work(Lease lease, Random random) {
    int roll = random.nextInt(1_000);
    if (roll < 5) {
      clock.advance(LEASE.plusMillis(1)); // a stall: this lease (and others in flight) expires
    } else if (roll < 25) {
      clock.advance(Duration.ofMillis(random.nextInt((int) LEASE.toMillis())));
    } else if (roll < 45) {
      Instant now = clock.instant();
      Instant expiry = now.plus(LEASE);
      if (driver.extendLease(lease, expiry, now) == LeaseState.ACTIVE) {
        audit.extended(lease, expiry);
      }
    } else if (roll < 55) {
      audit.ending(lease);
      Instant now = clock.instant();
      if (driver.retryAt(lease, now, "flaky", now).isEmpty()) {
        audit.refused();
      }
      return;
    }
    audit.ending(lease);
    Optional<TaskStatus> acked = driver.ack(lease, clock.instant());
    if (acked.isPresent()) {
      audit.acked(lease);
    } else {
      audit.refused();
    }
  }
}

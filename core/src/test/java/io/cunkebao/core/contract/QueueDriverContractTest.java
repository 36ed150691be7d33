package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.QueueStats;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.WorkNotifications;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link io.cunkebao.api.spi.QueueDriver}: every driver passes it
 * before anything else.
 *
 * <p>A driver's test extends this class and supplies {@link #newDriver}; it may override {@link
 * #closeDriver} (to flush a backend, say) and {@link #trimmedCount} when the driver exposes the
 * count of trimmed tasks. Time comes only from {@link #clock} and the explicit {@code now}
 * arguments: no test waits for real time.
 *
 * <p>The tests are grouped by topic in a chain of abstract classes ({@link ClaimContract}, {@link
 * OutcomeContract}, {@link ControlContract}, {@link ResourceContract}); this last link adds
 * ({@link AffinityContract} between them) statistics, retention, work notifications and the concurrency test ({@link
 * QueueDriverConcurrencyContract}).
 */
public abstract class QueueDriverContractTest extends AffinityContract {
  // ---------------------------------------------------------------- stats

  @Test
  public void stats_countsEachState() {
    enqueue(task("dead"));
    deadLetterOne("dead");
    enqueue(task("running").priority(9));
    claimOne();
    enqueue(task("ready"));
    enqueue(task("delayed").delay(Duration.ofMinutes(1)));
    enqueue(task("paused"));
    driver.pause(TaskId.of("paused"), now());
    enqueue(task("elsewhere").queue("other"));

    QueueStats stats = driver.stats(List.of(QUEUE), now());

    assertThat(stats.pending()).isEqualTo(2);
    assertThat(stats.delayed()).isEqualTo(1);
    assertThat(stats.running()).isEqualTo(1);
    assertThat(stats.paused()).isEqualTo(1);
    assertThat(stats.deadLettered()).isEqualTo(1);
    assertThat(stats.failedToday()).isEqualTo(1);
    assertThat(driver.stats(List.of(QUEUE, "other"), now()).pending()).isEqualTo(3);
    assertThat(driver.stats(List.of("unknown"), now())).isEqualTo(QueueStats.EMPTY);
  }

  @Test
  public void stats_delayedTaskDue_noLongerDelayed() {
    enqueue(task("a").delay(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(1));

    QueueStats stats = driver.stats(List.of(QUEUE), now());

    assertThat(stats.pending()).isEqualTo(1);
    assertThat(stats.delayed()).isZero();
  }

  @Test
  public void stats_completedFailedAndAverageProcessingTime() {
    for (String id : List.of("a", "b", "c", "d", "e")) {
      enqueue(task(id));
    }
    List<ClaimedTask> claimed = claim(5);
    driver.retryAt(claimed.get(2).lease(), now().plusSeconds(600), "retry", now());
    driver.deadLetter(claimed.get(3).lease(), "dead", true, now());
    clock.advance(Duration.ofSeconds(2));
    driver.ack(claimed.get(0).lease(), now());
    clock.advance(Duration.ofSeconds(2));
    driver.ack(claimed.get(1).lease(), now());
    clock.advance(LEASE);
    assertThat(ids(claim(10))).as("e, whose lease expired").containsExactly("e");

    QueueStats stats = driver.stats(List.of(QUEUE), now());

    assertThat(stats.completedToday()).isEqualTo(2);
    assertThat(stats.failedToday()).as("retry, dead letter and the expired lease of e").isEqualTo(3);
    assertThat(stats.averageProcessingTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(stats.running()).isEqualTo(1);
    assertThat(stats.pending()).isEqualTo(1);
    assertThat(stats.delayed()).isEqualTo(1);
    assertThat(stats.deadLettered()).isEqualTo(1);
  }

  @Test
  public void stats_dailyCounters_restartAtMidnightOfTheZone() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai"); // the clock starts at 10:00 there
    QueueDriver local = open(new QueueDriverConfig(WINDOW, 1_000, Duration.ofDays(1), shanghai, Map.of()));
    local.enqueue(task("a").build(), now());
    local.ack(local.claim(request(List.of(QUEUE), 1, Map.of())).get(0).lease(), now());

    clock.advance(Duration.ofHours(13).plusMinutes(59));
    assertThat(local.stats(List.of(QUEUE), now()).completedToday()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(local.stats(List.of(QUEUE), now()).completedToday()).isZero();
    assertThat(local.stats(List.of(QUEUE), now()).averageProcessingTime()).isEqualTo(Duration.ZERO);
  }

  // ---------------------------------------------------------------- retention

  @Test
  public void retention_beyondTheCount_oldestFinishedTrimmedAndCounted() {
    QueueDriver small = open(new QueueDriverConfig(WINDOW, 2, Duration.ofDays(1), ZoneOffset.UTC, Map.of()));
    for (String id : List.of("a", "b", "c")) {
      small.enqueue(task(id).build(), now());
      small.ack(small.claim(request(List.of(QUEUE), 1, Map.of())).get(0).lease(), now());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(small.find(TaskId.of("a"))).isEmpty();
    assertThat(small.find(TaskId.of("b"))).isPresent();
    assertThat(small.find(TaskId.of("c"))).isPresent();
    trimmedCount(small).ifPresent(count -> assertThat(count).isEqualTo(1));
  }

  @Test
  public void retention_trimmedTaskWithAnEngineGeneratedId_isNotKeptForItsWindow() {
    QueueDriver small = open(new QueueDriverConfig(WINDOW, 1, Duration.ofDays(1), ZoneOffset.UTC, Map.of()));
    for (String id : List.of("gen-a", "gen-b")) {
      small.enqueue(task(id).header(io.cunkebao.api.spi.TaskEnvelope.GENERATED_ID_HEADER, "true").build(), now());
      small.ack(small.claim(request(List.of(QUEUE), 1, Map.of())).get(0).lease(), now());
    }

    // Trimmed inside its window, yet forgotten: nothing else can carry an id the engine generated.
    assertThat(small.find(TaskId.of("gen-a"))).isEmpty();
    assertThat(small.enqueue(task("gen-a").header(io.cunkebao.api.spi.TaskEnvelope.GENERATED_ID_HEADER, "true").build(), now()).created()).isTrue();
  }

  @Test
  public void retention_deadLetteredTasks_kept() {
    QueueDriver small = open(new QueueDriverConfig(WINDOW, 1, Duration.ofDays(1), ZoneOffset.UTC, Map.of()));
    small.enqueue(task("dead").build(), now());
    small.deadLetter(small.claim(request(List.of(QUEUE), 1, Map.of())).get(0).lease(), "x", true, now());
    for (String id : List.of("a", "b", "c")) {
      small.enqueue(task(id).build(), now());
      small.cancel(TaskId.of(id), now());
    }

    assertThat(small.find(TaskId.of("dead"))).isPresent();
    assertThat(small.deadLetters(QUEUE, 10)).hasSize(1);
    assertThat(small.find(TaskId.of("c"))).isPresent();
    assertThat(small.find(TaskId.of("a"))).isEmpty();
  }

  // ---------------------------------------------------------------- notifications

  @Test
  public void workNotifications_enqueue_notifiesSubscribers() throws Exception {
    assumeThat(driver.workNotifications()).as("the driver offers work notifications").isPresent();
    WorkNotifications notifications = driver.workNotifications().orElseThrow();
    AtomicInteger calls = new AtomicInteger();

    AutoCloseable subscription = notifications.subscribe(calls::incrementAndGet);

    enqueue(task("a"));

    // A shared backend may deliver the notification on another thread, a little later.
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
    subscription.close();
  }

  @Test
  public void workNotifications_nextDueAt_earliestDelayedTask() {
    assumeThat(driver.workNotifications()).as("the driver offers work notifications").isPresent();
    WorkNotifications notifications = driver.workNotifications().orElseThrow();
    assertThat(notifications.nextDueAt(List.of(QUEUE), now())).isEmpty();

    enqueue(task("later").delay(Duration.ofMinutes(10)));
    enqueue(task("sooner").delay(Duration.ofMinutes(3)));

    assertThat(notifications.nextDueAt(List.of(QUEUE), now())).contains(now().plus(Duration.ofMinutes(3)));
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  public void concurrentClaimers_leasesExpiringMidRun_eachTaskCompletedOnceByItsCurrentHolder() throws Exception {
    QueueDriver roomy = open(new QueueDriverConfig(WINDOW, 20_000, Duration.ofDays(1), ZoneOffset.UTC, Map.of()));
    new QueueDriverConcurrencyContract(roomy, clock).run();
  }
}

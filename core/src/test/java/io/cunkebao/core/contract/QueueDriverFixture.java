package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskId;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.StoredTask;
import io.cunkebao.core.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the queue-driver contract: the driver factory, the test clock and small helpers.
 * The contract's tests sit in a chain of abstract classes, one per topic, ending in {@link
 * QueueDriverContractTest}, which is the class a driver's test extends.
 */
public abstract class QueueDriverFixture {
  /** The queue most tests use. */
  public static final String QUEUE = "q";
  /** The lease most tests claim with. */
  protected static final Duration LEASE = Duration.ofSeconds(30);
  /** An idempotency window short enough to step past. */
  protected static final Duration WINDOW = Duration.ofHours(1);

  /** The test's clock, at 2026-01-05T02:00:00Z at the start. */
  protected final SettableClock clock = new SettableClock();
  /** The driver under test, made with {@link #config()}. */
  protected QueueDriver driver;
  private final List<QueueDriver> opened = new ArrayList<>();

  /**
   * Makes a new, empty driver.
   *
   * @param config the settings
   * @return the driver
   */
  protected abstract QueueDriver newDriver(QueueDriverConfig config);

  /**
   * Closes a driver after a test.
   *
   * @param closing the driver
   */
  protected void closeDriver(QueueDriver closing) {
    closing.close();
  }

  /**
   * How many finished tasks the driver trimmed, when it tells.
   *
   * @param trimming the driver
   * @return the count, or empty when the driver does not expose it
   */
  protected OptionalLong trimmedCount(QueueDriver trimming) {
    return OptionalLong.empty();
  }

  /**
   * The settings of {@link #driver}: a one-hour idempotency window, 1,000 finished tasks kept for a
   * day, UTC.
   *
   * @return the settings
   */
  protected QueueDriverConfig config() {
    return new QueueDriverConfig(WINDOW, 1_000, Duration.ofDays(1), ZoneOffset.UTC, Map.of());
  }

  /** Opens {@link #driver}. */
  @BeforeEach
  public void openDriver() {
    driver = open(config());
  }

  /** Closes every driver the test opened. */
  @AfterEach
  public void closeDrivers() {
    opened.forEach(this::closeDriver);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Opens another driver, closed after the test.
   *
   * @param settings its settings
   * @return the driver
   */
  protected final QueueDriver open(QueueDriverConfig settings) {
    QueueDriver made = newDriver(settings);
    opened.add(made);
    return made;
  }

  /** @return the clock's time */
  protected final Instant now() {
    return clock.instant();
  }

  /** @param id the id @return a builder for a task of {@link #QUEUE} due now */
  protected final EnvelopeBuilder task(String id) {
    return new EnvelopeBuilder(id, now());
  }

  /** @param builder the task @return the driver's answer */
  protected final EnqueueResult enqueue(EnvelopeBuilder builder) {
    return driver.enqueue(builder.build(), now());
  }

  /** @param queues the queues @param max the most @param limits resource limits @return a claim request by w1 */
  protected final ClaimRequest request(List<String> queues, int max, Map<String, Integer> limits) {
    return new ClaimRequest(queues, max, LEASE, "w1", limits, now());
  }

  /** @param max the most @return the tasks claimed from {@link #QUEUE} */
  protected final List<ClaimedTask> claim(int max) {
    return driver.claim(request(List.of(QUEUE), max, Map.of()));
  }

  /** @return the one task a claim of up to 10 returns */
  protected final ClaimedTask claimOne() {
    return single(claim(10));
  }

  /** @param id the id @return the stored task, which must exist */
  protected final StoredTask find(String id) {
    return driver.find(TaskId.of(id)).orElseThrow(() -> new AssertionError("task " + id + " not found"));
  }

  /** @param id a task of {@link #QUEUE} to dead-letter; the others claimed with it are released */
  protected final void deadLetterOne(String id) {
    for (ClaimedTask claimed : claim(100)) {
      if (claimed.envelope().id().value().equals(id)) {
        driver.deadLetter(claimed.lease(), "broken", true, now());
      } else {
        driver.release(claimed.lease(), now());
      }
    }
  }

  /** @param claimed a claim's answer @return its only task (asserted) */
  protected static ClaimedTask single(List<ClaimedTask> claimed) {
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  /** @param claimed a claim's answer @return the claimed ids in order */
  protected static List<String> ids(List<ClaimedTask> claimed) {
    return claimed.stream().map(c -> c.envelope().id().value()).toList();
  }

  /** @param text some text @return its UTF-8 bytes */
  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package io.cunkebao.core.internal.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One queue's counters for "today" in the configured zone: completions, failed attempts and the
 * summed claim-to-ack time of the completions.
 *
 * <p>The day's bounds are cached as instants so that the common case (same day) costs two
 * comparisons, not a time-zone calculation. Events stamped before the current day (a lagging
 * node's clock after midnight) are not counted: they belong to a day that is no longer reported.
 */
final class DailyCounters {
  private final ZoneId zone;
  private Instant dayStart = Instant.MIN;
  private Instant dayEnd = Instant.MIN;
  private long completed;
  private long failed;
  private long processingNanos;

  DailyCounters(ZoneId zone) {
    this.zone = zone;
  }

  void completed(Instant now, Duration processingTime) {
    if (roll(now)) {
      completed++;
      processingNanos = saturatedAdd(processingNanos, saturatedNanos(processingTime));
    }
  }

  void failed(Instant now) {
    if (roll(now)) {
      failed++;
    }
  }

  long completedOn(Instant now) {
    return isToday(now) ? completed : 0;
  }

  long failedOn(Instant now) {
    return isToday(now) ? failed : 0;
  }

  long processingNanosOn(Instant now) {
    return isToday(now) ? processingNanos : 0;
  }

  private boolean isToday(Instant now) {
    return !now.isBefore(dayStart) && now.isBefore(dayEnd);
  }

  /** Starts a new day when {@code now} is past the current one; false for events of a past day. */
  private boolean roll(Instant now) {
    if (now.isBefore(dayStart)) {
      return false;
    }
    if (!now.isBefore(dayEnd)) {
      LocalDate day = LocalDate.ofInstant(now, zone);
      dayStart = day.atStartOfDay(zone).toInstant();
      dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
      completed = 0;
      failed = 0;
      processingNanos = 0;
    }
    return true;
  }

  private static long saturatedNanos(Duration d) {
    if (d.isNegative()) {
      return 0; // a clock step back between claim and ack; do not let it lower the average
    }
    return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : d.toNanos();
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}

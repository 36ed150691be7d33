package io.cunkebao.core.internal.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed cron expression and its fire times, with this project's DST policy.
 *
 * <p>cron-utils parses and matches; it is only ever asked about wall-clock times (in UTC, where
 * no transition exists), because its own zone handling is wrong around transitions (see
 * CronExpressionTest). The zone is applied here:
 *
 * <ul>
 *   <li><b>Fixed-time schedules</b> (the hour field names hours, as in {@code 30 2 * * *}) run
 *       once per matching wall-clock time: in a skipped hour at the first valid instant after the
 *       gap, in a repeated hour only on its first pass (the Debian cron convention).
 *   <li><b>Interval schedules</b> (the hour field is {@code *} or {@code * /n}, as in {@code
 *       *&#47;5 * * * *}) keep their real-time cadence: every instant whose local time matches,
 *       so both passes of a repeated hour fire and nothing piles up after a skipped one.
 * </ul>
 */
public final class CronExpression {
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
  private static final List<String> UNIX_FIELDS = List.of("minute", "hour", "day-of-month", "month", "day-of-week");
  private static final List<String> SECONDS_FIELDS = List.of("second", "minute", "hour", "day-of-month", "month", "day-of-week");
  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
  private static final int MAX_STEPS = 10_000;

  private final String text;
  private final ExecutionTime execution;
  private final boolean interval;

  private CronExpression(String text, ExecutionTime execution, boolean interval) {
    this.text = text;
    this.execution = execution;
    this.interval = interval;
  }

  /**
   * Parses an expression.
   *
   * @param text 5 fields, 6 with seconds first, or a macro such as {@code @daily}
   * @return the expression
   * @throws IllegalArgumentException naming the field that is wrong and why
   */
  public static CronExpression parse(String text) {
    String expanded = MACROS.getOrDefault(text.trim().toLowerCase(Locale.ROOT), text.trim());
    String[] fields = expanded.split("\\s+");
    if (fields.length != 5 && fields.length != 6) {
      throw new IllegalArgumentException("invalid cron expression '" + text + "': expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, but found " + fields.length);
    }
    CronParser parser = fields.length == 5 ? UNIX : WITH_SECONDS;
    List<String> names = fields.length == 5 ? UNIX_FIELDS : SECONDS_FIELDS;
    Cron cron;
    try {
      cron = parser.parse(expanded);
      cron.validate();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid cron expression '" + text + "': " + blame(parser, fields, names, e), e);
    }
    String hours = fields[names.indexOf("hour")];
    return new CronExpression(text, ExecutionTime.forCron(cron), hours.equals("*") || hours.startsWith("*/"));
  }

  /** Finds the field at fault by parsing each one alone among wildcards. */
  private static String blame(CronParser parser, String[] fields, List<String> names, RuntimeException whole) {
    for (int i = 0; i < fields.length; i++) {
      String[] probe = new String[fields.length];
      java.util.Arrays.fill(probe, "*");
      probe[i] = fields[i];
      try {
        parser.parse(String.join(" ", probe)).validate();
      } catch (RuntimeException e) {
        return names.get(i) + " field '" + fields[i] + "': " + e.getMessage();
      }
    }
    return whole.getMessage();
  }

  /** @return true for interval schedules, which keep real-time cadence across DST */
  public boolean isInterval() {
    return interval;
  }

  /**
   * The first fire time strictly after {@code after}.
   *
   * @param after an instant
   * @param zone the zone the expression is read in
   * @return the next fire time, or empty when there is none
   */
  public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
    return interval ? nextRealTime(after, zone.getRules()) : nextWallClock(after, zone.getRules());
  }

  private Optional<Instant> nextRealTime(Instant after, ZoneRules rules) {
    Instant segmentStart = after;
    boolean inclusive = false;
    for (int step = 0; step < MAX_STEPS; step++) {
      ZoneOffset offset = rules.getOffset(segmentStart);
      ZoneOffsetTransition transition = rules.nextTransition(segmentStart);
      LocalDateTime local = LocalDateTime.ofInstant(segmentStart, offset).truncatedTo(ChronoUnit.SECONDS);
      Optional<LocalDateTime> match = nextLocalAfter(inclusive ? local.minusSeconds(1) : local);
      if (match.isEmpty()) {
        return Optional.empty();
      }
      Instant candidate = match.get().toInstant(offset);
      if (transition == null || candidate.isBefore(transition.getInstant())) {
        return Optional.of(candidate);
      }
      segmentStart = transition.getInstant();
      inclusive = true;
    }
    return Optional.empty();
  }

  private Optional<Instant> nextWallClock(Instant after, ZoneRules rules) {
    LocalDateTime local = LocalDateTime.ofInstant(after, rules.getOffset(after)).truncatedTo(ChronoUnit.SECONDS);
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<LocalDateTime> match = nextLocalAfter(local);
      if (match.isEmpty()) {
        return Optional.empty();
      }
      Instant candidate = firstInstantOf(match.get(), rules);
      if (candidate.isAfter(after)) {
        return Optional.of(candidate);
      }
      local = match.get();
    }
    return Optional.empty();
  }

  /** A wall-clock time's instant: its first pass in an overlap, the end of the gap in a gap. */
  private static Instant firstInstantOf(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return local.toInstant(offsets.get(0));
  }

  private Optional<LocalDateTime> nextLocalAfter(LocalDateTime local) {
    return execution.nextExecution(local.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
  }

  @Override
  public String toString() {
    return text;
  }
}

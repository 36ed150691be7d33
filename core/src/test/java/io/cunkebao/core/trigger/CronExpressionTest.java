package io.cunkebao.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.cunkebao.core.internal.trigger.CronExpression;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parsing, and the DST policy: fixed-time schedules run once per wall-clock match (skipped hour →
 * first instant after the gap; repeated hour → first pass only); interval schedules keep real-time
 * cadence. Checked on both 2026 transitions in America/New_York and Europe/Berlin.
 */
class CronExpressionTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void parse_invalidField_namesTheFieldAndProblem() {
    assertThatThrownBy(() -> CronExpression.parse("61 * * * *"))
        .hasMessageContaining("minute field '61'").hasMessageContaining("not in range [0, 59]");
    assertThatThrownBy(() -> CronExpression.parse("0 25 * * *")).hasMessageContaining("hour field '25'");
    assertThatThrownBy(() -> CronExpression.parse("0 0 * * FUNDAY")).hasMessageContaining("day-of-week field 'FUNDAY'");
    assertThatThrownBy(() -> CronExpression.parse("0 0 *")).hasMessageContaining("expected 5 fields").hasMessageContaining("found 3");
  }

  @Test
  void parse_listsRangesStepsNamesMacrosAndSeconds() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    ZoneId utc = ZoneId.of("UTC");
    assertThat(fires(CronExpression.parse("0 9-17/4 * JAN-MAR MON-FRI"), start, utc, 3))
        .containsExactly("2026-01-01T09:00Z", "2026-01-01T13:00Z", "2026-01-01T17:00Z");
    assertThat(fires(CronExpression.parse("0 8,12 * * *"), start, utc, 2)).containsExactly("2026-01-01T08:00Z", "2026-01-01T12:00Z");
    assertThat(fires(CronExpression.parse("@daily"), start, utc, 1)).containsExactly("2026-01-02T00:00Z");
    assertThat(fires(CronExpression.parse("@hourly"), start, utc, 1)).containsExactly("2026-01-01T01:00Z");
    assertThat(fires(CronExpression.parse("*/20 * * * * *"), start, utc, 2)).containsExactly("2026-01-01T00:00:20Z", "2026-01-01T00:00:40Z");
  }

  @Test
  void cronUtilsAlone_skipsTheSpringForwardDay_ourWrapperDoesNot() {
    // The bug the wrapper exists for: cron-utils' own zone handling gives no firing at all on
    // 2026-03-08 for "30 2 * * *" in New York (02:30 does not exist that day).
    ExecutionTime raw = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse("30 2 * * *"));
    ZonedDateTime rawNext = raw.nextExecution(ZonedDateTime.of(2026, 3, 7, 23, 0, 0, 0, NEW_YORK)).orElseThrow();
    assertThat(rawNext.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 9));

    Instant ours = CronExpression.parse("30 2 * * *").nextAfter(rawInstant(2026, 3, 7, 23, 0, NEW_YORK), NEW_YORK).orElseThrow();
    assertThat(ours.atZone(NEW_YORK).toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-08T03:00-04:00"));
  }

  @Test
  void fixedTime_springForward_runsOnceAtFirstInstantAfterGap() {
    assertThat(localFires("30 2 * * *", "2026-03-07T12:00-05:00", NEW_YORK, 3))
        .containsExactly("2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00", "2026-03-10T02:30-04:00");
    assertThat(localFires("30 2 * * *", "2026-03-28T12:00+01:00", BERLIN, 3))
        .containsExactly("2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00", "2026-03-31T02:30+02:00");
  }

  @Test
  void fixedTime_fallBack_runsOnceInTheRepeatedHour() {
    assertThat(localFires("30 1 * * *", "2026-10-31T12:00-04:00", NEW_YORK, 2))
        .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
    assertThat(localFires("30 2 * * *", "2026-10-24T12:00+02:00", BERLIN, 2))
        .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
  }

  @Test
  void interval_keepsRealTimeCadenceAcrossBothTransitions() {
    assertThat(localFires("*/30 * * * *", "2026-03-08T01:00-05:00", NEW_YORK, 3))
        .containsExactly("2026-03-08T01:30-05:00", "2026-03-08T03:00-04:00", "2026-03-08T03:30-04:00");
    assertThat(localFires("*/30 * * * *", "2026-11-01T01:00-04:00", NEW_YORK, 4))
        .containsExactly("2026-11-01T01:30-04:00", "2026-11-01T01:00-05:00", "2026-11-01T01:30-05:00", "2026-11-01T02:00-05:00");
    assertThat(localFires("0 * * * *", "2026-10-25T01:30+02:00", BERLIN, 3))
        .containsExactly("2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00");
  }

  @Test
  void fixedTime_transitionDays_exactlyOnceEachInBothZones() {
    for (ZoneId zone : List.of(NEW_YORK, BERLIN)) {
      CronExpression cron = CronExpression.parse("30 2 * * *");
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      List<LocalDate> days = new ArrayList<>();
      while (t.isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
        t = cron.nextAfter(t, zone).orElseThrow();
        days.add(t.atZone(zone).toLocalDate());
      }
      assertThat(days).doesNotHaveDuplicates();
      assertThat(days).hasSize(366); // every day of 2026 once, plus 2027-01-01
    }
  }

  private static Instant rawInstant(int y, int mo, int d, int h, int mi, ZoneId zone) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, zone).toInstant();
  }

  private static List<String> localFires(String cron, String from, ZoneId zone, int count) {
    List<String> out = new ArrayList<>();
    for (String utc : fires(CronExpression.parse(cron), OffsetDateTime.parse(from).toInstant(), zone, count)) {
      out.add(OffsetDateTime.parse(utc).toInstant().atZone(zone).toOffsetDateTime().toString());
    }
    return out;
  }

  private static List<String> fires(CronExpression cron, Instant from, ZoneId zone, int count) {
    List<String> out = new ArrayList<>();
    Instant t = from;
    for (int i = 0; i < count; i++) {
      t = cron.nextAfter(t, zone).orElseThrow();
      out.add(t.atOffset(java.time.ZoneOffset.UTC).toString());
    }
    return out;
  }
}

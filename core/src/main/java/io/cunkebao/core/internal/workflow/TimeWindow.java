package io.cunkebao.core.internal.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Days of the week and a time range a step may start in, such as weekdays 10:00-12:00. A step
 * due outside the window waits for the window's next opening.
 *
 * @param days the days it opens on
 * @param from when it opens each day (inclusive)
 * @param to when it closes (exclusive), after {@code from}
 */
record TimeWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

  TimeWindow {
    days = Set.copyOf(days);
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the window must end after it starts: " + from + "-" + to);
    }
  }

  /** The first instant at or after {@code at} inside the window. */
  ZonedDateTime nextOpen(ZonedDateTime at) {
    for (int i = 0; i <= 7; i++) {
      LocalDate day = at.toLocalDate().plusDays(i);
      if (!days.contains(day.getDayOfWeek())) {
        continue;
      }
      ZonedDateTime start = day.atTime(from).atZone(at.getZone());
      ZonedDateTime end = day.atTime(to).atZone(at.getZone());
      if (at.isBefore(start)) {
        return start;
      }
      if (at.isBefore(end)) {
        return at;
      }
    }
    throw new IllegalStateException("a window with days " + days + " never opens");
  }

  /** Reads {@code weekdays}, {@code daily}, {@code weekends}, {@code MON-FRI} or one day such as {@code SAT}. */
  static Set<DayOfWeek> parseDays(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "WEEKDAYS":
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case "WEEKENDS":
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      case "DAILY":
      case "EVERYDAY":
        return EnumSet.allOf(DayOfWeek.class);
      default:
        break;
    }
    int dash = t.indexOf('-');
    if (dash < 0) {
      return EnumSet.of(day(t));
    }
    DayOfWeek first = day(t.substring(0, dash));
    DayOfWeek last = day(t.substring(dash + 1));
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      out.add(d);
      if (d == last) {
        return out;
      }
    }
  }

  /** Reads a list of day specs. */
  static Set<DayOfWeek> parseDays(List<String> texts) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    texts.forEach(t -> out.addAll(parseDays(t)));
    return out;
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(abbreviation.trim()) && abbreviation.trim().length() >= 3) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + abbreviation + "' is not a day (MON, TUE, ... SUN, weekdays, weekends, daily)");
  }
}

package io.cunkebao.core.internal.workflow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a step becomes due: its delay after the previous step, then its time of day, then its
 * window. Computed once, when the step becomes current, and stored with the instance.
 */
final class Timing {
  private Timing() {}

  static Instant dueAt(StepSpec step, Instant base, ZoneId zone, String instanceId) {
    ZonedDateTime at = base.plus(step.delay().pick(instanceId + "/" + step.id())).atZone(zone);
    if (step.at() != null) {
      ZonedDateTime today = at.toLocalDate().atTime(step.at()).atZone(zone);
      // Strictly before the time of day still waits for it today; past it waits for tomorrow's.
      at = today.isBefore(at) ? at.toLocalDate().plusDays(1).atTime(step.at()).atZone(zone) : today;
    }
    if (step.window() != null) {
      at = step.window().nextOpen(at);
    }
    return at.toInstant();
  }
}

package io.cunkebao.core.internal.workflow;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What starts instances of a definition: a manual call, a cron schedule, or an event (with a
 * filter, and optionally "N days after" it).
 *
 * @param kind the kind of trigger
 * @param cron the cron expression, for {@link Kind#CRON}
 * @param eventType the event type, for {@link Kind#EVENT}
 * @param filter the event filter, or null to accept every event of the type
 * @param after how long after the event the instance starts ({@link Duration#ZERO} for at once)
 */
public record TriggerSpec(Kind kind, @Nullable String cron, @Nullable String eventType, @Nullable Expression filter, Duration after) {

  /** The kinds of trigger. */
  public enum Kind {
    /** Started by {@code Workflows.start} only. */
    MANUAL,
    /** Started by a cron schedule. */
    CRON,
    /** Started by an event. */
    EVENT
  }

  static TriggerSpec manual() {
    return new TriggerSpec(Kind.MANUAL, null, null, null, Duration.ZERO);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MANUAL -> "manual";
      case CRON -> "cron '" + cron + "'";
      case EVENT -> "event " + eventType + (filter != null ? " where " + filter.text() : "")
          + (after.isZero() ? "" : " after " + after);
    };
  }
}

package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the command handlers share: the world, the answers, the record, risk control and pushes,
 * with the common "is this allowed" step.
 */
class SimHandlers {
  final SimWorld world;
  final SimReplies replies;
  final ActionRecord record;
  final RiskControl risk;
  final SimPushes pushes;

  SimHandlers(SimWorld world, SimReplies replies, ActionRecord record, RiskControl risk, SimPushes pushes) {
    this.world = world;
    this.replies = replies;
    this.record = record;
    this.risk = risk;
    this.pushes = pushes;
  }

  SimHandlers(SimHandlers shared) {
    this(shared.world, shared.replies, shared.record, shared.risk, shared.pushes);
  }

  /**
   * Applies risk control to an action; answers the refusal itself.
   *
   * @param frequentText the "too frequent" text for this kind of action
   * @return true when the action may go ahead
   */
  boolean allowed(SimConn c, JsonNode req, SimModel.Account a, String frequentText) {
    switch (risk.check(a)) {
      case OK:
        return true;
      case TOO_FREQUENT:
        replies.error(c, req, SimReplies.FREQUENT, frequentText);
        return false;
      case NEWLY_RESTRICTED:
        pushes.restricted(a);
        replies.error(c, req, SimReplies.RESTRICTED, RiskControl.RESTRICTED);
        return false;
      default:
        replies.error(c, req, SimReplies.RESTRICTED, RiskControl.RESTRICTED);
        return false;
    }
  }

  void record(SimModel.Account a, String kind, long target, String detail, @Nullable String clientMsgId) {
    record.add(new PhoneAction(a.id, kind, target, detail, clientMsgId, Instant.now()));
  }
}

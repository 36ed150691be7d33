package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CmdModifyFriendLabel}, {@code CmdModifyFriendRemark}, {@code CmdSendFriendRequest} (by
 * WeChat id) and {@code CmdAcceptFriendRequest} (this project's extension: the friend is added and
 * a {@code CmdFriendAdded} push follows).
 */
final class SimContacts extends SimHandlers {

  SimContacts(SimHandlers shared) {
    super(shared);
  }

  void registerOn(SimCommands commands) {
    commands.register("CmdModifyFriendLabel", this::labels);
    commands.register("CmdModifyFriendRemark", this::remark);
    commands.register("CmdSendFriendRequest", this::request);
    commands.register("CmdAcceptFriendRequest", this::accept);
  }

  private void labels(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Friend f = friend(c, req, a);
    if (f != null) {
      List<String> labels = new ArrayList<>();
      req.path("labels").forEach(l -> labels.add(l.asText()));
      f.labels = labels;
      record(a, "label", f.id, String.join(",", labels), null);
      replies.answer(c, req, replies.object(), null);
    }
  }

  private void remark(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Friend f = friend(c, req, a);
    if (f != null) {
      f.remark = req.path("newRemark").asText("");
      record(a, "remark", f.id, f.remark, null);
      replies.answer(c, req, replies.object(), null);
    }
  }

  private void request(SimConn c, JsonNode req, SimModel.Account a) {
    if (allowed(c, req, a, RiskControl.TOO_FREQUENT)) {
      record(a, "friend-request", 0, req.path("TargetWechatId").asText(), null);
      replies.answer(c, req, replies.object().put("requestId", "req-" + world.nextId()), null);
    }
  }

  private void accept(SimConn c, JsonNode req, SimModel.Account a) {
    String wechatId = req.path("wechatId").asText("");
    if (wechatId.isBlank()) {
      replies.error(c, req, SimReplies.BAD_REQUEST, "wechatId is missing");
      return;
    }
    SimModel.Friend f = world.addFriend(a, wechatId, wechatId);
    record(a, "accept-friend", f.id, wechatId, null);
    replies.answer(c, req, replies.object(), null);
    pushes.friendChanged(a, "CmdFriendAdded", f.id, wechatId);
  }

  private SimModel.@Nullable Friend friend(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Friend f = a.friends.get(req.path("wechatFriendId").asLong());
    if (f == null) {
      replies.error(c, req, SimReplies.NOT_FOUND, "no friend " + req.path("wechatFriendId").asLong() + " on account " + a.id);
    }
    return f;
  }
}

package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The REST endpoints' logic, run on the world thread. */
final class SimRestRoutes extends SimHandlers {

  /** An HTTP answer. */
  record Reply(int status, ObjectNode body) {}

  SimRestRoutes(SimHandlers shared) {
    super(shared);
  }

  Reply token(Map<String, String> form) {
    for (SimSeat seat : world.seats.values()) {
      if (seat.username().equals(form.get("username")) && seat.password().equals(form.get("password"))) {
        String token = "tok-" + Long.toHexString(world.random.nextLong());
        world.tokens.put(token, seat.seatId());
        return new Reply(200, replies.object().put("access_token", token).put("refresh_token", "r" + token));
      }
    }
    return new Reply(401, replies.object().put("message", "invalid_grant"));
  }

  Reply api(String seat, String path, Map<String, String> query, JsonNode body) {
    long accountId = body.isMissingNode() ? Long.parseLong(query.getOrDefault("wechatAccountId", "0")) : body.path("wechatAccountId").asLong();
    SimModel.Account a = world.accounts.get(accountId);
    if (a == null || !a.seat.equals(seat)) {
      return new Reply(403, replies.object().put("code", SimReplies.NOT_FOUND).put("message", "account " + accountId + " is not on seat " + seat));
    }
    return switch (path) {
      case "api/WechatFriend/friendlistData" -> ok(SimRestServer.page(replies, friends(a), query));
      case "api/WechatChatroom/pagelist" -> ok(SimRestServer.page(replies, rooms(a), query));
      case "api/WechatChatroom/listChatroomMember" -> members(a, query);
      case "api/AddFriendByPhoneTask/add" -> risky(a, RiskControl.TOO_FREQUENT, "friend-request", body.path("phone").asText());
      case "api/JobPublishWechatMoments/addJob" -> risky(a, RiskControl.MOMENTS_TOO_FREQUENT, "moment-post", body.path("content").asText());
      case "api/device/importContact" -> importContacts(a, body);
      default -> new Reply(404, replies.object().put("code", SimReplies.NOT_FOUND).put("message", "no endpoint " + path));
    };
  }

  private Reply ok(ObjectNode body) {
    return new Reply(200, body);
  }

  private List<ObjectNode> friends(SimModel.Account a) {
    return a.friends.values().stream().map(f -> {
      ObjectNode n = replies.object().put("id", f.id).put("wechatId", f.wechatId).put("nickname", f.nickname).put("conRemark", f.remark)
          .put("isPassed", 1);
      f.labels.forEach(n.putArray("labels")::add);
      return n;
    }).toList();
  }

  private List<ObjectNode> rooms(SimModel.Account a) {
    return a.rooms.values().stream().map(r -> replies.object().put("id", r.id).put("chatroomId", r.wechatId).put("nickname", r.name)
        .put("memberCount", r.members.size()).put("announce", r.announcement)).toList();
  }

  private Reply members(SimModel.Account a, Map<String, String> query) {
    SimModel.Room room = a.rooms.get(Long.parseLong(query.getOrDefault("wechatChatroomId", "0")));
    if (room == null) {
      return new Reply(404, replies.object().put("code", SimReplies.NOT_FOUND).put("message", "no chatroom " + query.get("wechatChatroomId")));
    }
    List<ObjectNode> members = room.members.values().stream()
        .map(m -> replies.object().put("wechatId", m.wechatId).put("nickname", m.nickname).put("isAdmin", m.admin)).toList();
    return ok(SimRestServer.page(replies, members, query));
  }

  private Reply risky(SimModel.Account a, String frequentText, String kind, String detail) {
    RiskControl.Verdict verdict = risk.check(a);
    if (verdict == RiskControl.Verdict.NEWLY_RESTRICTED) {
      pushes.restricted(a);
    }
    if (verdict == RiskControl.Verdict.TOO_FREQUENT) {
      return ok(replies.object().put("code", SimReplies.FREQUENT).put("message", frequentText).put("extra", frequentText));
    }
    if (verdict != RiskControl.Verdict.OK) {
      return ok(replies.object().put("code", SimReplies.RESTRICTED).put("message", "当前账号存在安全风险").put("extra", "当前账号存在安全风险"));
    }
    record(a, kind, 0, detail, null);
    return ok(replies.object().put("id", Long.toString(world.nextId())));
  }

  private Reply importContacts(SimModel.Account a, JsonNode body) {
    int n = body.path("contacts").size();
    record(a, "contact-import", 0, Integer.toString(n), null);
    return ok(replies.object().put("imported", n));
  }
}

package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code CmdSendMessage} (with deduplication on {@code clientMsgId}, this project's extension) and
 * {@code CmdRequestWechatAccountsAliveStatus}.
 */
final class SimMessaging extends SimHandlers {

  SimMessaging(SimHandlers shared) {
    super(shared);
  }

  void registerOn(SimCommands commands) {
    commands.register("CmdSendMessage", this::send);
    commands.register("CmdRequestWechatAccountsAliveStatus", this::alive);
  }

  private void send(SimConn c, JsonNode req, SimModel.Account a) {
    String clientId = req.hasNonNull("clientMsgId") ? req.path("clientMsgId").asText() : null;
    long[] earlier = clientId == null ? null : a.sentByClientId.get(clientId);
    if (earlier != null) {
      record.duplicateSuppressed();
      answerSent(c, req, a, earlier[0], earlier[1], earlier[2] == 1);
      return;
    }
    long friendId = req.path("wechatFriendId").asLong(0);
    long roomId = req.path("wechatChatroomId").asLong(0);
    boolean toRoom = roomId > 0;
    if (toRoom ? !a.rooms.containsKey(roomId) : !a.friends.containsKey(friendId)) {
      replies.error(c, req, SimReplies.NOT_FOUND, (toRoom ? "no chatroom " + roomId : "no friend " + friendId) + " on account " + a.id);
      return;
    }
    if (!allowed(c, req, a, RiskControl.TOO_FREQUENT)) {
      return;
    }
    long id = world.nextId();
    long time = System.currentTimeMillis();
    record(a, "message", toRoom ? roomId : friendId, req.path("msgType").asInt() + ":" + req.path("content").asText(), clientId);
    if (clientId != null) {
      a.sentByClientId.put(clientId, new long[] {id, time, toRoom ? 1 : 0});
    }
    answerSent(c, req, a, id, time, toRoom);
  }

  private void answerSent(SimConn c, JsonNode req, SimModel.Account a, long id, long time, boolean toRoom) {
    ObjectNode message = replies.object().put("id", id).put("wechatAccountId", a.id)
        .put(toRoom ? "wechatChatroomId" : "wechatFriendId", req.path(toRoom ? "wechatChatroomId" : "wechatFriendId").asLong())
        .put("msgType", req.path("msgType").asInt()).put("content", req.path("content").asText());
    ObjectNode resp = replies.object();
    resp.set(toRoom ? "chatroomMessage" : "friendMessage", message);
    ObjectNode result = replies.object().put(toRoom ? "chatroomMessageId" : "friendMessageId", id).put("sendStatus", 1).put("wechatTime", time);
    replies.answer(c, req, resp, result);
  }

  private void alive(SimConn c, JsonNode req, SimModel.Account ignored) {
    ObjectNode status = replies.object();
    req.path("wechatAccountIds").forEach(id -> {
      SimModel.Account a = world.accounts.get(id.asLong());
      status.put(id.asText(), a != null && a.online);
    });
    ObjectNode resp = replies.object();
    resp.set("wechatAccountsAliveStatus", status);
    replies.answer(c, req, resp, null);
  }
}

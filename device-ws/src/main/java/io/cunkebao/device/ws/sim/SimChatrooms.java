package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code CmdChatroomCreate} (acknowledged without an id; the group joins the list after the
 * configured delay, as the real cloud does), {@code CmdChatroomInvite} (members join and are
 * pushed) and {@code CmdChatroomOperate} (types 2, 5, 6, 8, 12).
 */
final class SimChatrooms extends SimHandlers {
  private final ScheduledExecutorService timer;
  private final long appearDelayMs;

  SimChatrooms(SimHandlers shared, ScheduledExecutorService timer, SimulatorOptions options) {
    super(shared);
    this.timer = timer;
    this.appearDelayMs = options.chatroomAppearDelay().toMillis();
  }

  void registerOn(SimCommands commands) {
    commands.register("CmdChatroomCreate", this::create);
    commands.register("CmdChatroomInvite", this::invite);
    commands.register("CmdChatroomOperate", this::operate);
  }

  private void create(SimConn c, JsonNode req, SimModel.Account a) {
    String name = req.path("chatroomName").asText("");
    JsonNode ids = req.path("wechatFriendIds");
    if (name.isBlank() || ids.size() < 2) {
      replies.error(c, req, SimReplies.BAD_REQUEST, "a chatroom needs a name and at least 2 friends");
      return;
    }
    if (!allowed(c, req, a, RiskControl.TOO_FREQUENT)) {
      return;
    }
    record(a, "chatroom-create", 0, name, null);
    replies.answer(c, req, replies.object(), null);
    timer.schedule(() -> {
      SimModel.Room room = new SimModel.Room(world.nextId(), name);
      room.members.put(a.wechatId, new SimModel.Member(a.wechatId, "我", true));
      ids.forEach(id -> join(a, room, id.asLong(), false));
      a.rooms.put(room.id, room);
    }, appearDelayMs, TimeUnit.MILLISECONDS);
  }

  private void invite(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Room room = a.rooms.get(req.path("wechatChatroomId").asLong());
    if (room == null) {
      replies.error(c, req, SimReplies.NOT_FOUND, "no chatroom " + req.path("wechatChatroomId").asLong());
      return;
    }
    if (!allowed(c, req, a, RiskControl.TOO_FREQUENT)) {
      return;
    }
    record(a, "invite", room.id, req.path("wechatFriendIds").toString(), null);
    replies.answer(c, req, replies.object(), null);
    req.path("wechatFriendIds").forEach(id -> join(a, room, id.asLong(), true));
  }

  private void join(SimModel.Account a, SimModel.Room room, long friendId, boolean push) {
    SimModel.Friend f = a.friends.get(friendId);
    if (f != null && room.members.putIfAbsent(f.wechatId, new SimModel.Member(f.wechatId, f.nickname, false)) == null && push) {
      pushes.memberJoined(a, room.id, f.wechatId);
    }
  }

  private void operate(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Room room = a.rooms.get(req.path("wechatChatroomId").asLong());
    if (room == null) {
      replies.error(c, req, SimReplies.NOT_FOUND, "no chatroom " + req.path("wechatChatroomId").asLong());
      return;
    }
    int type = req.path("chatroomOperateType").asInt();
    JsonNode extra = req.path("extra");
    switch (type) {
      case 2 -> extra.path("friendIdList").forEach(id -> room.members.remove(id.asText()));
      case 5 -> room.announcement = extra.path("announce").asText();
      case 6 -> room.name = extra.path("chatroomName").asText();
      case 8 -> setAdmin(room, extra.path("wechatId").asText(), false);
      case 12 -> extra.path("wechatIds").forEach(id -> setAdmin(room, id.asText(), true));
      default -> {
        replies.error(c, req, SimReplies.BAD_REQUEST, "chatroomOperateType " + type + " is not simulated");
        return;
      }
    }
    record(a, "chatroom-operate", room.id, type + ":" + extra, null);
    replies.answer(c, req, replies.object(), null);
  }

  private static void setAdmin(SimModel.Room room, String wechatId, boolean admin) {
    SimModel.Member m = room.members.get(wechatId);
    if (m != null) {
      m.admin = admin;
    }
  }
}

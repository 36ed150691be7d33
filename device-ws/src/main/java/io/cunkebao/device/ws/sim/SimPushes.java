package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pushes the simulated cloud sends to the seat holding an account. {@code CmdNewMessage}
 * follows the cloud's documented shape; friend, member and device-status pushes are this
 * project's reading (the documentation names none). Runs on the world thread.
 */
final class SimPushes {
  private final SimWorld world;
  private final SimReplies replies;

  SimPushes(SimWorld world, SimReplies replies) {
    this.world = world;
    this.replies = replies;
  }

  long friendMessage(SimModel.Account a, long friendId, int msgType, String content) {
    long id = world.nextId();
    ObjectNode m = replies.object().put("id", id).put("wechatAccountId", a.id).put("wechatFriendId", friendId).put("msgType", msgType)
        .put("msgSubType", 0).put("content", content).put("isSend", false).put("wechatTime", System.currentTimeMillis());
    ObjectNode frame = replies.object().put("cmdType", "CmdNewMessage");
    frame.set("friendMessage", m);
    replies.push(a.seat, frame);
    return id;
  }

  long chatroomMessage(SimModel.Account a, long roomId, String sender, String content) {
    long id = world.nextId();
    ObjectNode m = replies.object().put("id", id).put("wechatAccountId", a.id).put("wechatChatroomId", roomId).put("msgType", 1)
        .put("content", content).put("isSend", false).put("wechatTime", System.currentTimeMillis());
    m.putObject("sender").put("wechatId", sender);
    ObjectNode frame = replies.object().put("cmdType", "CmdNewMessage");
    frame.set("chatroomMessage", m);
    replies.push(a.seat, frame);
    return id;
  }

  void restricted(SimModel.Account a) {
    friendMessage(a, 0, 10000, RiskControl.RESTRICTED);
  }

  void friendChanged(SimModel.Account a, String cmdType, long friendId, String wechatId) {
    replies.push(a.seat, replies.object().put("cmdType", cmdType).put("wechatAccountId", a.id).put("wechatFriendId", friendId)
        .put("wechatId", wechatId).put("time", System.currentTimeMillis()));
  }

  void memberJoined(SimModel.Account a, long roomId, String wechatId) {
    replies.push(a.seat, replies.object().put("cmdType", "CmdChatroomMemberJoined").put("wechatAccountId", a.id)
        .put("wechatChatroomId", roomId).put("wechatId", wechatId).put("time", System.currentTimeMillis()));
  }

  void deviceStatus(SimModel.Account a) {
    replies.push(a.seat, replies.object().put("cmdType", "CmdDeviceStatusChanged").put("wechatAccountId", a.id)
        .put("online", a.online).put("time", System.currentTimeMillis()));
  }
}

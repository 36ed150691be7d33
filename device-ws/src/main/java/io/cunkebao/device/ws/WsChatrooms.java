package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.Chatroom;
import io.cunkebao.api.device.ChatroomMember;
import io.cunkebao.api.device.ChatroomOperations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Chatroom commands ({@code CmdChatroomCreate}, {@code CmdChatroomInvite}, {@code CmdChatroomOperate}) and lists (REST). */
final class WsChatrooms implements ChatroomOperations {
  private final WsDeviceSession session;

  WsChatrooms(WsDeviceSession session) {
    this.session = session;
  }

  @Override
  public CompletableFuture<Long> create(long wechatAccountId, String name, List<Long> friendIds) {
    Args.positive(wechatAccountId, "wechatAccountId");
    Args.text(name, "chatroom name");
    Args.ids(friendIds, "friendIds", 2);
    ObjectNode fields = Json.object().put("wechatAccountId", wechatAccountId).put("chatroomName", name);
    friendIds.forEach(fields.putArray("wechatFriendIds")::add);
    return list(wechatAccountId).thenCompose(before -> {
      Set<Long> known = before.stream().map(Chatroom::id).collect(Collectors.toSet());
      return session.command("CmdChatroomCreate", fields, false, false)
          .thenCompose(ack -> new ChatroomWatch(session, wechatAccountId, name, known).start());
    });
  }

  @Override
  public CompletableFuture<Void> invite(long wechatAccountId, long chatroomId, List<Long> friendIds) {
    Args.ids(friendIds, "friendIds", 1);
    ObjectNode fields = target(wechatAccountId, chatroomId);
    friendIds.forEach(fields.putArray("wechatFriendIds")::add);
    return ack("CmdChatroomInvite", fields);
  }

  @Override
  public CompletableFuture<Void> setAnnouncement(long wechatAccountId, long chatroomId, String text) {
    return operate(wechatAccountId, chatroomId, 5, Json.object().put("announce", Args.text(text, "announcement")));
  }

  @Override
  public CompletableFuture<Void> rename(long wechatAccountId, long chatroomId, String name) {
    return operate(wechatAccountId, chatroomId, 6, Json.object().put("chatroomName", Args.text(name, "chatroom name")));
  }

  @Override
  public CompletableFuture<Void> removeMembers(long wechatAccountId, long chatroomId, List<String> wechatIds) {
    ObjectNode extra = Json.object();
    Args.texts(wechatIds, "wechatIds").forEach(extra.putArray("friendIdList")::add);
    return operate(wechatAccountId, chatroomId, 2, extra);
  }

  @Override
  public CompletableFuture<Void> addAdmins(long wechatAccountId, long chatroomId, List<String> wechatIds) {
    ObjectNode extra = Json.object();
    Args.texts(wechatIds, "wechatIds").forEach(extra.putArray("wechatIds")::add);
    return operate(wechatAccountId, chatroomId, 12, extra);
  }

  @Override
  public CompletableFuture<Void> removeAdmin(long wechatAccountId, long chatroomId, String wechatId) {
    return operate(wechatAccountId, chatroomId, 8, Json.object().put("wechatId", Args.text(wechatId, "wechatId")));
  }

  @Override
  public CompletableFuture<List<Chatroom>> list(long wechatAccountId) {
    Args.positive(wechatAccountId, "wechatAccountId");
    return session.pages("api/WechatChatroom/pagelist", Map.of("wechatAccountId", Long.toString(wechatAccountId)), wechatAccountId,
        WsChatrooms::chatroom);
  }

  @Override
  public CompletableFuture<List<ChatroomMember>> members(long wechatAccountId, long chatroomId) {
    Args.positive(wechatAccountId, "wechatAccountId");
    Args.positive(chatroomId, "chatroomId");
    return session.pages("api/WechatChatroom/listChatroomMember",
        Map.of("wechatAccountId", Long.toString(wechatAccountId), "wechatChatroomId", Long.toString(chatroomId)), wechatAccountId,
        n -> new ChatroomMember(n.path("wechatId").asText(), n.path("nickname").asText(""), n.path("isAdmin").asBoolean()));
  }

  static Chatroom chatroom(JsonNode n) {
    return new Chatroom(n.path("id").asLong(), n.path("chatroomId").asText(""), n.path("nickname").asText(""), n.path("memberCount").asInt());
  }

  private CompletableFuture<Void> operate(long wechatAccountId, long chatroomId, int type, ObjectNode extra) {
    ObjectNode fields = target(wechatAccountId, chatroomId).put("chatroomOperateType", type);
    fields.set("extra", extra);
    return ack("CmdChatroomOperate", fields);
  }

  private static ObjectNode target(long wechatAccountId, long chatroomId) {
    return Json.object().put("wechatAccountId", Args.positive(wechatAccountId, "wechatAccountId"))
        .put("wechatChatroomId", Args.positive(chatroomId, "chatroomId"));
  }

  private CompletableFuture<Void> ack(String cmdType, ObjectNode fields) {
    return session.command(cmdType, fields, false, false).thenApply(frame -> null);
  }
}

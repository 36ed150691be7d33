package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.Contact;
import io.cunkebao.api.device.ContactOperations;
import io.cunkebao.api.device.Friend;
import io.cunkebao.api.device.FriendRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Friends: list (REST), labels and remarks (WebSocket), requests (REST by phone, the Java-era
 * {@code CmdSendFriendRequest} with its PascalCase fields by WeChat id), acceptance ({@code
 * CmdAcceptFriendRequest}, this project's extension) and contact import (REST).
 */
final class WsContacts implements ContactOperations {
  private final WsDeviceSession session;

  WsContacts(WsDeviceSession session) {
    this.session = session;
  }

  @Override
  public CompletableFuture<List<Friend>> friends(long wechatAccountId) {
    Args.positive(wechatAccountId, "wechatAccountId");
    return session.pages("api/WechatFriend/friendlistData", Map.of("wechatAccountId", Long.toString(wechatAccountId)), wechatAccountId,
        WsContacts::friend);
  }

  @Override
  public CompletableFuture<Void> setLabels(long wechatAccountId, long friendId, List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    ObjectNode fields = target(wechatAccountId, friendId);
    labels.forEach(fields.putArray("labels")::add);
    return ack("CmdModifyFriendLabel", fields);
  }

  @Override
  public CompletableFuture<Void> setRemark(long wechatAccountId, long friendId, String remark) {
    Objects.requireNonNull(remark, "remark");
    return ack("CmdModifyFriendRemark", target(wechatAccountId, friendId).put("newRemark", remark).put("extendFields", "{}"));
  }

  @Override
  public CompletableFuture<String> requestFriend(FriendRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.phone() != null) {
      ObjectNode body = Json.object().put("wechatAccountId", request.wechatAccountId()).put("phone", request.phone())
          .put("message", request.greeting());
      return session.restPost("api/AddFriendByPhoneTask/add", body, request.wechatAccountId()).thenApply(b -> b.path("id").asText());
    }
    ObjectNode fields = Json.object().put("WechatAccountId", request.wechatAccountId()).put("TargetWechatId", request.wechatId())
        .put("Message", request.greeting()).put("wechatAccountId", request.wechatAccountId());
    return session.command("CmdSendFriendRequest", fields, false, false).thenApply(f -> f.body().path("requestId").asText(""));
  }

  @Override
  public CompletableFuture<Void> acceptFriendRequest(long wechatAccountId, String wechatId) {
    ObjectNode fields = Json.object().put("wechatAccountId", Args.positive(wechatAccountId, "wechatAccountId"))
        .put("wechatId", Args.text(wechatId, "wechatId"));
    return ack("CmdAcceptFriendRequest", fields);
  }

  @Override
  public CompletableFuture<Integer> importContacts(long wechatAccountId, List<Contact> contacts) {
    Args.positive(wechatAccountId, "wechatAccountId");
    if (contacts == null || contacts.isEmpty()) {
      throw new IllegalArgumentException("contacts must have at least one element");
    }
    ObjectNode body = Json.object().put("wechatAccountId", wechatAccountId);
    contacts.forEach(c -> body.withArray("contacts").addObject().put("name", c.name()).put("phone", c.phone()));
    return session.restPost("api/device/importContact", body, wechatAccountId).thenApply(b -> b.path("imported").asInt());
  }

  private static Friend friend(JsonNode n) {
    return new Friend(n.path("id").asLong(), n.path("wechatId").asText(), n.path("nickname").asText(""), n.path("conRemark").asText(""),
        Json.strings(n.path("labels")));
  }

  private static ObjectNode target(long wechatAccountId, long friendId) {
    return Json.object().put("wechatAccountId", Args.positive(wechatAccountId, "wechatAccountId"))
        .put("wechatFriendId", Args.positive(friendId, "friendId"));
  }

  private CompletableFuture<Void> ack(String cmdType, ObjectNode fields) {
    return session.command(cmdType, fields, false, false).thenApply(frame -> null);
  }
}

package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.cunkebao.api.Event;
import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.device.DeviceEventAttributes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the cloud's pushes into engine events.
 *
 * <p>Known pushes: {@code CmdNewMessage} (a friend or chatroom message; a system message 10000
 * saying the account is restricted becomes {@code AccountRestricted}). The cloud's documentation
 * names no push for friend passes, deletions, joins or device status, so these are this project's
 * reading, produced by the simulator: {@code CmdFriendAdded}, {@code CmdFriendDeleted}, {@code
 * CmdChatroomMemberJoined}, {@code CmdDeviceStatusChanged}. Event ids come from the push (message
 * id, or account + friend + time) so a redelivered push deduplicates downstream.
 *
 * <p>The publisher is called on the connection's reading thread; a failing publisher is logged and
 * the push dropped, never the session.
 */
final class PushEvents {
  private static final Logger LOG = LoggerFactory.getLogger(PushEvents.class);
  private static final Set<String> IGNORED = Set.of("CmdFriendInfoChanged", "CmdMessageRecalled", "CmdReceiveMessageResp", "CmdHeartbeatResp");
  private final String seat;
  private final EventPublisher publisher;
  private final InstantSource clock;

  PushEvents(String seat, EventPublisher publisher, InstantSource clock) {
    this.seat = seat;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** @return false when the push is of a type this driver does not know */
  boolean onPush(Frame frame) {
    JsonNode body = frame.body();
    switch (frame.cmdType()) {
      case "CmdNewMessage" -> newMessage(body);
      case "CmdFriendAdded" -> friend(EventTypes.FRIEND_ADDED, "friend-added", body);
      case "CmdFriendDeleted" -> friend(EventTypes.FRIEND_DELETED, "friend-deleted", body);
      case "CmdChatroomMemberJoined" -> memberJoined(body);
      case "CmdDeviceStatusChanged" -> deviceStatus(body);
      default -> {
        return IGNORED.contains(frame.cmdType());
      }
    }
    return true;
  }

  void sessionKicked(String reason, long connection) {
    Map<String, Object> attrs = attrs();
    attrs.put(DeviceEventAttributes.REASON, reason);
    publish(new Event("kicked:" + seat + ":" + connection + ":" + clock.millis(), EventTypes.SESSION_KICKED, clock.instant(), attrs));
  }

  private void newMessage(JsonNode body) {
    boolean chatroom = body.has("chatroomMessage");
    JsonNode m = chatroom ? body.get("chatroomMessage") : body.path("friendMessage");
    long id = m.path("id").asLong(0);
    Map<String, Object> attrs = attrs();
    attrs.put(DeviceEventAttributes.WECHAT_ACCOUNT_ID, m.path("wechatAccountId").asLong());
    attrs.put(chatroom ? DeviceEventAttributes.CHATROOM_ID : DeviceEventAttributes.FRIEND_ID,
        m.path(chatroom ? "wechatChatroomId" : "wechatFriendId").asLong());
    attrs.put(DeviceEventAttributes.MESSAGE_ID, id);
    attrs.put(DeviceEventAttributes.MSG_TYPE, m.path("msgType").asInt());
    attrs.put(DeviceEventAttributes.CONTENT, m.path("content").asText(""));
    if (m.path("sender").has("wechatId")) {
      attrs.put(DeviceEventAttributes.WECHAT_ID, m.path("sender").path("wechatId").asText());
    }
    Instant time = millis(m.path("wechatTime"));
    boolean restricted = m.path("msgType").asInt() == 10000 && m.path("content").asText("").contains("限制");
    String type = restricted ? EventTypes.ACCOUNT_RESTRICTED : EventTypes.MESSAGE_RECEIVED;
    String eventId = id != 0 ? "msg:" + (chatroom ? "c" : "f") + id : type + ":" + attrs.hashCode() + ":" + time.toEpochMilli();
    publish(new Event(eventId, type, time, attrs));
  }

  private void friend(String type, String prefix, JsonNode body) {
    Map<String, Object> attrs = attrs();
    long account = body.path("wechatAccountId").asLong();
    long friend = body.path("wechatFriendId").asLong();
    attrs.put(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account);
    attrs.put(DeviceEventAttributes.FRIEND_ID, friend);
    attrs.put(DeviceEventAttributes.WECHAT_ID, body.path("wechatId").asText(""));
    Instant time = millis(body.path("time"));
    publish(new Event(prefix + ":" + account + ":" + friend + ":" + time.toEpochMilli(), type, time, attrs));
  }

  private void memberJoined(JsonNode body) {
    Map<String, Object> attrs = attrs();
    long account = body.path("wechatAccountId").asLong();
    long chatroom = body.path("wechatChatroomId").asLong();
    String member = body.path("wechatId").asText("");
    attrs.put(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account);
    attrs.put(DeviceEventAttributes.CHATROOM_ID, chatroom);
    attrs.put(DeviceEventAttributes.WECHAT_ID, member);
    Instant time = millis(body.path("time"));
    publish(new Event("joined:" + chatroom + ":" + member + ":" + time.toEpochMilli(), EventTypes.MEMBER_JOINED, time, attrs));
  }

  private void deviceStatus(JsonNode body) {
    Map<String, Object> attrs = attrs();
    long account = body.path("wechatAccountId").asLong();
    attrs.put(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account);
    boolean online = body.path("online").asBoolean();
    Instant time = millis(body.path("time"));
    String type = online ? EventTypes.DEVICE_ONLINE : EventTypes.DEVICE_OFFLINE;
    publish(new Event(type + ":" + account + ":" + time.toEpochMilli(), type, time, attrs));
  }

  private Map<String, Object> attrs() {
    Map<String, Object> attrs = new HashMap<>();
    attrs.put(DeviceEventAttributes.SEAT, seat);
    return attrs;
  }

  private Instant millis(JsonNode ms) {
    return ms.canConvertToLong() && ms.asLong() > 0 ? Instant.ofEpochMilli(ms.asLong()) : clock.instant();
  }

  private void publish(Event event) {
    try {
      publisher.publish(event);
    } catch (RuntimeException e) {
      LOG.warn("Could not publish {} event {} from seat {}; the push is dropped and the session continues", event.type(), event.id(), seat, e);
    }
  }
}

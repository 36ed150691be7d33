package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.MessageContent;
import io.cunkebao.api.device.MessageOperations;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.SentMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code CmdSendMessage}: waits for the {@code CmdSendMessageResult} so the future means "the
 * phone sent it". The client message id travels as {@code clientMsgId} (this project's
 * extension; a cloud that ignores it simply does not deduplicate).
 */
final class WsMessages implements MessageOperations {
  private final WsDeviceSession session;

  WsMessages(WsDeviceSession session) {
    this.session = session;
  }

  @Override
  public CompletableFuture<SentMessage> send(OutgoingMessage message) {
    Objects.requireNonNull(message, "message");
    ObjectNode fields = Json.object()
        .put("wechatAccountId", message.wechatAccountId())
        .put("wechatFriendId", message.friendId())
        .put("wechatChatroomId", message.chatroomId())
        .put("msgSubType", 0);
    encode(message, fields);
    if (message.clientMessageId() != null) {
      fields.put("clientMsgId", message.clientMessageId());
    }
    return session.command("CmdSendMessage", fields, false, true).thenApply(frame -> {
      ObjectNode b = frame.body();
      long id = b.path("friendMessageId").asLong(b.path("chatroomMessageId").asLong(0));
      long time = b.path("wechatTime").asLong(0);
      return new SentMessage(id, message.wechatAccountId(), time > 0 ? Instant.ofEpochMilli(time) : session.resources().config().clock().instant());
    });
  }

  private static void encode(OutgoingMessage message, ObjectNode fields) {
    MessageContent content = message.content();
    if (content instanceof MessageContent.Text t) {
      if (message.mentions().isEmpty()) {
        fields.put("msgType", 1).put("content", t.text());
      } else {
        ObjectNode at = Json.object().put("text", t.text()).put("atId", String.join(",", message.mentions()));
        fields.put("msgType", 90001).put("content", at.toString());
      }
    } else if (content instanceof MessageContent.Image i) {
      fields.put("msgType", 3).put("content", i.url());
    } else if (content instanceof MessageContent.Video v) {
      fields.put("msgType", 43).put("content", v.url());
    } else if (content instanceof MessageContent.Link l) {
      ObjectNode app = Json.object().put("type", "link").put("title", l.title()).put("url", l.url())
          .put("desc", l.description()).put("thumbPath", l.thumbUrl());
      fields.put("msgType", 49).put("content", app.toString());
    } else if (content instanceof MessageContent.File f) {
      ObjectNode app = Json.object().put("type", "file").put("title", f.name()).put("url", f.url());
      fields.put("msgType", 49).put("content", app.toString());
    }
  }
}

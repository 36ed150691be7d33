package io.cunkebao.api.device;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to send from a WeChat account to exactly one friend or one chatroom.
 *
 * <p>The client message id is this project's extension of the cloud protocol: a command carrying
 * one that the cloud has already carried out is answered with the first outcome instead of being
 * carried out again, so a task retried after a lost answer does not send twice. Derive it from the
 * task's idempotency key.
 *
 * @param wechatAccountId the sending account; greater than 0
 * @param friendId the friend to send to, or 0 when sending to a chatroom
 * @param chatroomId the chatroom to send to, or 0 when sending to a friend
 * @param content what to send
 * @param mentions WeChat ids to @-mention; only for text to a chatroom; may be empty
 * @param clientMessageId the deduplication id, or null; 1 to 128 characters
 */
public record OutgoingMessage(
    long wechatAccountId,
    long friendId,
    long chatroomId,
    MessageContent content,
    List<String> mentions,
    @Nullable String clientMessageId) {

  /** Checks that exactly one target is set and that mentions go with chatroom text only. */
  public OutgoingMessage {
    Ids.positive(wechatAccountId, "wechatAccountId");
    Objects.requireNonNull(content, "content");
    if ((friendId > 0) == (chatroomId > 0) || friendId < 0 || chatroomId < 0) {
      throw new IllegalArgumentException("exactly one of friendId and chatroomId must be greater than 0 but they were "
          + friendId + " and " + chatroomId);
    }
    mentions = Ids.list(mentions, "mentions", 0);
    if (!mentions.isEmpty() && (chatroomId == 0 || !(content instanceof MessageContent.Text))) {
      throw new IllegalArgumentException("mentions need text sent to a chatroom");
    }
    mentions.forEach(m -> Ids.text(m, "mention", 64));
    if (clientMessageId != null) {
      Ids.text(clientMessageId, "clientMessageId", 128);
    }
  }

  /**
   * A message to a friend.
   *
   * @param wechatAccountId the sending account
   * @param friendId the friend
   * @param content what to send
   * @return the message, without a client message id
   */
  public static OutgoingMessage toFriend(long wechatAccountId, long friendId, MessageContent content) {
    return new OutgoingMessage(wechatAccountId, friendId, 0, content, List.of(), null);
  }

  /**
   * A message to a chatroom.
   *
   * @param wechatAccountId the sending account
   * @param chatroomId the chatroom
   * @param content what to send
   * @param mentions WeChat ids to @-mention (text only)
   * @return the message, without a client message id
   */
  public static OutgoingMessage toChatroom(long wechatAccountId, long chatroomId, MessageContent content, List<String> mentions) {
    return new OutgoingMessage(wechatAccountId, 0, chatroomId, content, mentions, null);
  }

  /**
   * This message with a client message id.
   *
   * @param id the deduplication id
   * @return a copy carrying it
   */
  public OutgoingMessage withClientMessageId(String id) {
    return new OutgoingMessage(wechatAccountId, friendId, chatroomId, content, mentions, id);
  }
}

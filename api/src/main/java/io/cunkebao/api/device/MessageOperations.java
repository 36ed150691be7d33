package io.cunkebao.api.device;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sending messages from a seat's WeChat accounts.
 *
 * <p>Futures complete on a driver thread: chain with the {@code *Async} methods to do slow work.
 */
public interface MessageOperations {

  /**
   * Sends a message and completes once the phone reports it sent ({@code CmdSendMessageResult}).
   *
   * @param message what to send, to whom
   * @return the sent message; fails with a {@link DeviceException}
   */
  CompletableFuture<SentMessage> send(OutgoingMessage message);

  /**
   * Sends text to a friend.
   *
   * @param wechatAccountId the sending account
   * @param friendId the friend
   * @param text the text
   * @return the sent message
   */
  default CompletableFuture<SentMessage> sendText(long wechatAccountId, long friendId, String text) {
    return send(OutgoingMessage.toFriend(wechatAccountId, friendId, new MessageContent.Text(text)));
  }

  /**
   * Sends text to a chatroom, @-mentioning members.
   *
   * @param wechatAccountId the sending account
   * @param chatroomId the chatroom
   * @param text the text
   * @param mentions WeChat ids to mention; may be empty
   * @return the sent message
   */
  default CompletableFuture<SentMessage> sendToChatroom(long wechatAccountId, long chatroomId, String text, List<String> mentions) {
    return send(OutgoingMessage.toChatroom(wechatAccountId, chatroomId, new MessageContent.Text(text), mentions));
  }
}

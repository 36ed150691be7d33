package io.cunkebao.api.device;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One seat's signed-in session with the device cloud: every command for the seat's WeChat
 * accounts goes through it, multiplexed on one connection, and the cloud's pushes for them arrive
 * through it as events.
 *
 * <p>Obtained from {@link io.cunkebao.api.spi.DeviceDriver#openSession}. Thread-safe: any number
 * of calls may be in flight at once. Each call has a timeout and fails with a {@link
 * DeviceException}; futures complete on driver threads, so chain slow work with the {@code
 * *Async} methods. The session reconnects and signs in again by itself; calls made meanwhile wait
 * (up to their timeout) rather than fail.
 *
 * <pre>{@code
 * DeviceSession seat = driver.openSession(credentials).join();
 * seat.messages().sendText(accountId, friendId, "你好").join();
 * }</pre>
 */
public interface DeviceSession extends AutoCloseable {

  /** @return the seat this session is signed in for */
  SeatId seat();

  /** @return where the session stands now */
  SessionState state();

  /** @return sending messages */
  MessageOperations messages();

  /** @return chatroom operations */
  ChatroomOperations chatrooms();

  /** @return moment operations */
  MomentOperations moments();

  /** @return friends, labels, remarks, friend requests and contact import */
  ContactOperations contacts();

  /**
   * Asks which WeChat accounts' phones are online ({@code CmdRequestWechatAccountsAliveStatus};
   * read-only).
   *
   * @param wechatAccountIds the accounts; at least one
   * @return online or not, per account id
   */
  CompletableFuture<Map<Long, Boolean>> aliveStatus(List<Long> wechatAccountIds);

  /**
   * Sends a command the typed operations do not cover yet.
   *
   * @param command the command
   * @return its {@code Resp}, or its {@code Result} when the command asks to wait for it
   */
  CompletableFuture<RawReply> call(RawCommand command);

  /**
   * Closes the session: calls in flight fail with {@link ConnectionLostException}, and the driver
   * stops reconnecting. Idempotent.
   */
  @Override
  void close();
}

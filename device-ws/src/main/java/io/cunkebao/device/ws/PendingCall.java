package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One command on its way: queued for the connection, handed to the socket, acknowledged, or done.
 * The future completes with the answering frame: the Resp, or the Result when {@code
 * awaitResult}. A new {@code seq} is taken each time the command is handed to a socket, so a late
 * answer on a dead connection can never complete it.
 */
final class PendingCall {
  final String cmdType;
  final ObjectNode fields;
  final boolean readOnly;
  final boolean awaitResult;
  final long account;
  final CompletableFuture<Frame> future = new CompletableFuture<>();
  private volatile long seq;
  private volatile boolean sent;
  private volatile boolean acked;
  private volatile long messageId;
  private volatile ScheduledFuture<?> timeout;

  PendingCall(String cmdType, ObjectNode fields, boolean readOnly, boolean awaitResult) {
    this.cmdType = cmdType;
    this.fields = fields;
    this.readOnly = readOnly;
    this.awaitResult = awaitResult;
    this.account = fields.path("wechatAccountId").asLong(0);
  }

  long seq() {
    return seq;
  }

  void assign(long seq) {
    this.seq = seq;
    this.sent = false;
    this.acked = false;
  }

  /** Called when the frame is handed to the socket: from now on it may reach the cloud. */
  void markSent() {
    sent = true;
  }

  boolean sent() {
    return sent;
  }

  void markAcked(long messageId) {
    this.acked = true;
    this.messageId = messageId;
  }

  boolean acked() {
    return acked;
  }

  long messageId() {
    return messageId;
  }

  void timeout(ScheduledFuture<?> task) {
    this.timeout = task;
    future.whenComplete((f, e) -> task.cancel(false));
  }

  boolean done() {
    return future.isDone();
  }
}

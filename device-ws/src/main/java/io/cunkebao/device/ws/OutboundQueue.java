package io.cunkebao.device.ws;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue of frames waiting for one socket. The JDK's WebSocket allows one text send
 * outstanding at a time, so frames go out one after another; a full queue refuses new frames
 * (backpressure) instead of growing without bound.
 *
 * <p>The next send starts from the executor, not inside the previous send's completion, so a run
 * of sends that complete at once cannot grow the stack.
 */
final class OutboundQueue {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
  private final WebSocket socket;
  private final int capacity;
  private final Executor executor;
  private final String seat;
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;

  private record Entry(String text, @Nullable PendingCall call) {}

  OutboundQueue(WebSocket socket, int capacity, Executor executor, String seat) {
    this.socket = socket;
    this.capacity = capacity;
    this.executor = executor;
    this.seat = seat;
  }

  int capacity() {
    return capacity;
  }

  /**
   * Queues a frame.
   *
   * @return false when the queue is full or closed; the frame was not queued
   */
  synchronized boolean offer(String text, @Nullable PendingCall call) {
    if (closed || queue.size() >= capacity) {
      return false;
    }
    queue.add(new Entry(text, call));
    if (!sending) {
      sending = true;
      executor.execute(this::sendNext);
    }
    return true;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Stops sending; frames still queued were never handed to the socket. */
  synchronized void close() {
    closed = true;
    queue.clear();
  }

  private void sendNext() {
    Entry next;
    synchronized (this) {
      next = closed ? null : queue.poll();
      if (next == null) {
        sending = false;
        return;
      }
      if (next.call() != null) {
        next.call().markSent();
      }
    }
    socket.sendText(next.text(), true).whenCompleteAsync((ws, failure) -> {
      if (failure != null) {
        LOG.debug("Sending a frame for seat {} failed ({}); the connection's close handling takes over", seat, failure.toString());
      }
      sendNext();
    }, executor);
  }
}

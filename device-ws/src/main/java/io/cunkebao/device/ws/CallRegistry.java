package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceBusyException;
import io.cunkebao.api.device.DeviceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The calls of one seat: waiting for a signed-in connection, or in flight on it and keyed by
 * {@code seq}.
 *
 * <p>Design notes. Attaching and detaching a connection and submitting a call happen under this
 * object's lock, so a call is never handed to a connection that is being detached without that
 * detach seeing it. Answers are matched without the lock (concurrent maps). On detach, a call that
 * never reached a socket simply waits for the next connection; a read-only call that did is sent
 * again; a state-changing call that did fails with {@link ConnectionLostException} and is never
 * sent again by the driver: the cloud may have carried it out.
 */
final class CallRegistry {
  private final AtomicLong seqs = new AtomicLong();
  private final FrameCodec codec;
  private final Map<Long, PendingCall> inFlight = new ConcurrentHashMap<>();
  private final Map<Long, PendingCall> byMessageId = new ConcurrentHashMap<>();
  private final Queue<PendingCall> waiting = new ConcurrentLinkedQueue<>();
  private @Nullable OutboundQueue connection;

  CallRegistry(FrameCodec codec) {
    this.codec = codec;
  }

  long nextSeq() {
    return seqs.incrementAndGet();
  }

  synchronized void submit(PendingCall call) {
    call.future.whenComplete((f, e) -> forget(call));
    if (connection == null) {
      waiting.add(call);
    } else {
      transmit(call, connection);
    }
  }

  synchronized void attach(OutboundQueue out) {
    connection = out;
    PendingCall call;
    while ((call = waiting.poll()) != null) {
      if (!call.done()) {
        transmit(call, out);
      }
    }
  }

  synchronized void detach(String reason) {
    connection = null;
    List<PendingCall> calls = new ArrayList<>(inFlight.values());
    inFlight.clear();
    byMessageId.clear();
    for (PendingCall call : calls) {
      if (!call.sent() || (call.readOnly && !call.done())) {
        waiting.add(call);
      } else {
        call.future.completeExceptionally(new ConnectionLostException(call.cmdType,
            reason + "; the command may or may not have been carried out and is not sent again", null));
      }
    }
  }

  synchronized void failAll(DeviceException cause) {
    connection = null;
    List<PendingCall> calls = new ArrayList<>(inFlight.values());
    calls.addAll(waiting);
    inFlight.clear();
    waiting.clear();
    calls.forEach(c -> c.future.completeExceptionally(cause));
  }

  /**
   * Completes the call a Resp or Result answers: with the cloud's error, by noting the ack (when
   * the call waits for its Result), or with the frame.
   *
   * @return false when the frame answers no call in flight
   */
  boolean answer(Frame frame) {
    PendingCall call = match(frame);
    if (call == null) {
      return false;
    }
    Optional<DeviceException> error = CloudErrors.of(call.cmdType, frame.body(), call.account);
    if (error.isPresent()) {
      call.future.completeExceptionally(error.get());
    } else if (frame.isResp() && call.awaitResult) {
      JsonNode b = frame.body();
      acked(call, b.path("friendMessage").path("id").asLong(b.path("chatroomMessage").path("id").asLong(0)));
    } else {
      call.future.complete(frame);
    }
    return true;
  }

  /** @return the call this frame answers, if it answers one still in flight */
  @Nullable PendingCall match(Frame frame) {
    PendingCall call = frame.seq().isPresent() ? inFlight.get(frame.seq().getAsLong()) : null;
    if (call == null && frame.isResult()) {
      long id = frame.body().path("friendMessageId").asLong(frame.body().path("chatroomMessageId").asLong(0));
      call = id == 0 ? null : byMessageId.get(id);
    }
    return call;
  }

  void acked(PendingCall call, long messageId) {
    call.markAcked(messageId);
    if (messageId != 0) {
      byMessageId.put(messageId, call);
    }
  }

  int inFlightCount() {
    return inFlight.size();
  }

  private void transmit(PendingCall call, OutboundQueue out) {
    long seq = nextSeq();
    call.assign(seq);
    String frame;
    try {
      frame = codec.encode(call.cmdType, seq, call.fields);
    } catch (IllegalArgumentException e) {
      call.future.completeExceptionally(e);
      return;
    }
    inFlight.put(seq, call);
    if (!out.offer(frame, call)) {
      inFlight.remove(seq);
      if (out.isClosed()) {
        waiting.add(call);
      } else {
        call.future.completeExceptionally(new DeviceBusyException(call.cmdType, out.capacity()));
      }
    }
  }

  private void forget(PendingCall call) {
    inFlight.remove(call.seq(), call);
    if (call.messageId() != 0) {
      byMessageId.remove(call.messageId(), call);
    }
    waiting.remove(call);
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceBusyException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The reconnect rules without a network: what waits, what is sent again, what fails. */
class CallRegistryTest {
  private final CallRegistry registry = new CallRegistry(new FrameCodec("1", 1 << 20));
  private final FakeSocket socket = new FakeSocket();

  private OutboundQueue queue(int capacity) {
    return new OutboundQueue(socket, capacity, Runnable::run, "1");
  }

  private static PendingCall call(String type, boolean readOnly) {
    return new PendingCall(type, Json.object().put("wechatAccountId", 5), readOnly, false);
  }

  @Test
  void callsWaitForAConnectionThenGoOutWithFreshSeqs() {
    PendingCall a = call("CmdA", true);
    registry.submit(a);
    assertThat(socket.sent).isEmpty();
    registry.attach(queue(10));
    assertThat(socket.sent).singleElement().asString().contains("\"cmdType\":\"CmdA\"");
    assertThat(a.sent()).isTrue();
    assertThat(registry.inFlightCount()).isEqualTo(1);
  }

  @Test
  void onDetachReadOnlyCallsAreResentAndStateChangingOnesFail() throws Exception {
    registry.attach(queue(10));
    PendingCall read = call("CmdRead", true);
    PendingCall write = call("CmdWrite", false);
    registry.submit(read);
    registry.submit(write);
    long firstSeq = read.seq();

    registry.detach("dropped");
    assertThat(write.future).isCompletedExceptionally();
    assertThat(cause(write.future)).isInstanceOf(ConnectionLostException.class).hasMessageContaining("not sent again");
    assertThat(read.future).isNotDone();

    registry.attach(queue(10));
    assertThat(read.seq()).isNotEqualTo(firstSeq);
    assertThat(socket.sent).filteredOn(s -> s.contains("CmdWrite")).hasSize(1);
    assertThat(socket.sent).filteredOn(s -> s.contains("CmdRead")).hasSize(2);
  }

  @Test
  void answersMatchBySeqAndResultsByMessageId() {
    registry.attach(queue(10));
    PendingCall send = new PendingCall("CmdSendMessage", Json.object(), false, true);
    registry.submit(send);
    registry.acked(send, 42);
    Frame result = new Frame("CmdSendMessageResult", java.util.OptionalLong.empty(), Json.object().put("friendMessageId", 42));
    assertThat(registry.match(result)).isSameAs(send);
    Frame stranger = new Frame("CmdXResp", java.util.OptionalLong.of(999), Json.object());
    assertThat(registry.match(stranger)).isNull();
  }

  @Test
  void aFullQueueRefusesWithBackpressure() {
    socket.hold = true;
    registry.attach(queue(1));
    PendingCall first = call("CmdA", true);
    PendingCall second = call("CmdB", true);
    PendingCall third = call("CmdC", true);
    registry.submit(first);
    registry.submit(second);
    registry.submit(third);
    assertThat(cause(third.future)).isInstanceOf(DeviceBusyException.class);
    assertThat(second.future).isNotDone();
  }

  private static Throwable cause(CompletableFuture<?> f) {
    try {
      f.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Records sent frames; with {@code hold} the first send never completes, like a stalled socket. */
  static final class FakeSocket implements WebSocket {
    final List<String> sent = new CopyOnWriteArrayList<>();
    boolean hold;

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      sent.add(data.toString());
      return hold ? new CompletableFuture<>() : CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }
}

package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceException;
import io.cunkebao.api.device.DeviceTimeoutException;
import io.cunkebao.api.device.SessionState;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seat's WebSocket session: connects, signs in with {@code CmdSignIn} as the first frame,
 * multiplexes every call on the one connection, keeps it alive with heartbeats and pings, and
 * reconnects with backoff and jitter when it breaks.
 *
 * <p>Design notes. Each connection attempt has an epoch; callbacks of an older socket carry an old
 * epoch and are ignored, so a late close of a dead socket cannot tear down its successor. State
 * changes take this object's lock, then the call registry's (never the other way round). A kick
 * ({@code CmdNotify "Kicked out"}) is final: another sign-in owns the seat now, and reconnecting
 * would kick it back and forth.
 */
final class SeatConnection {
  private static final Logger LOG = LoggerFactory.getLogger(SeatConnection.class);
  private final String seat;
  private final URI uri;
  private final SeatToken token;
  private final DriverResources resources;
  private final CallRegistry calls;
  private final PushEvents pushes;
  private final FrameCodec codec;
  private final CompletableFuture<Void> firstSignIn = new CompletableFuture<>();
  private final AtomicLong epochs = new AtomicLong();
  private volatile long epoch;
  private volatile SessionState state = SessionState.CONNECTING;
  private volatile @Nullable WebSocket socket;
  private volatile @Nullable OutboundQueue out;
  private volatile long signInSeq = -1;
  private volatile long lastHeardNanos = System.nanoTime();
  private int failedAttempts;
  private @Nullable ScheduledFuture<?> heartbeat;

  SeatConnection(String seat, URI uri, SeatToken token, DriverResources resources, PushEvents pushes) {
    this.seat = seat;
    this.uri = uri;
    this.token = token;
    this.resources = resources;
    this.pushes = pushes;
    this.codec = new FrameCodec(seat, resources.config().maxFrameBytes());
    this.calls = new CallRegistry(codec);
  }

  synchronized CompletableFuture<Void> start() {
    long interval = resources.config().heartbeatInterval().toMillis();
    heartbeat = resources.timer().scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    connect();
    return firstSignIn;
  }

  SessionState state() {
    return state;
  }

  int inFlight() {
    return calls.inFlightCount();
  }

  CompletableFuture<Frame> call(String cmdType, ObjectNode fields, boolean readOnly, boolean awaitResult) {
    PendingCall call = new PendingCall(cmdType, fields, readOnly, awaitResult);
    SessionState now = state;
    if (now == SessionState.KICKED || now == SessionState.CLOSED) {
      return CompletableFuture.failedFuture(new ConnectionLostException(cmdType, "the session of seat " + seat + " is " + now, null));
    }
    Duration timeout = resources.config().callTimeout();
    call.timeout(resources.timer().schedule(
        () -> call.future.completeExceptionally(new DeviceTimeoutException(cmdType, timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS));
    calls.submit(call);
    return call.future;
  }

  synchronized void close() {
    if (terminal()) {
      return;
    }
    state = SessionState.CLOSED;
    shutDown(new ConnectionLostException("*", "the session of seat " + seat + " was closed", null));
    LOG.info("Seat {} session closed by its owner; calls in flight failed", seat);
  }

  private void connect() {
    long attempt = epochs.incrementAndGet();
    epoch = attempt;
    token.get()
        .thenCompose(t -> resources.http().newWebSocketBuilder().connectTimeout(resources.config().callTimeout())
            .buildAsync(uri, new Listener(attempt)).thenAccept(ws -> opened(attempt, ws, t)))
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            Throwable cause = Futures.unwrap(failure);
            if (TlsHandshakeException.tlsCause(cause) != null && !(cause instanceof DeviceException)) {
              // Named as such so that a first sign-in fails with a clear cause instead of a generic lost link.
              cause = new TlsHandshakeException("CmdSignIn", uri.getHost() + ":" + uri.getPort(), cause);
            }
            lost(attempt, "could not connect: " + cause, cause);
          }
        });
  }

  private synchronized void opened(long attempt, WebSocket ws, String accessToken) {
    if (attempt != epoch || terminal()) {
      ws.abort();
      return;
    }
    socket = ws;
    lastHeardNanos = System.nanoTime();
    OutboundQueue queue = new OutboundQueue(ws, resources.config().maxOutboundFrames(), resources.io(), seat);
    out = queue;
    ObjectNode signIn = Json.object().put("accessToken", accessToken).put("accountId", seat).put("client", "kefu-client");
    long seq = calls.nextSeq();
    signInSeq = seq;
    queue.offer(codec.encode("CmdSignIn", seq, signIn), null);
    resources.timer().schedule(() -> signInOverdue(attempt), resources.config().callTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void signInOverdue(long attempt) {
    if (attempt == epoch && state != SessionState.SIGNED_IN && !terminal()) {
      lost(attempt, "no CmdSignInResp within " + resources.config().callTimeout().toMillis() + " ms", null);
    }
  }

  private void onFrame(long attempt, String text) {
    if (attempt != epoch) {
      return;
    }
    lastHeardNanos = System.nanoTime();
    Optional<Frame> decoded = codec.decode(text);
    if (decoded.isEmpty()) {
      return;
    }
    Frame frame = decoded.get();
    if (frame.cmdType().equals("CmdSignInResp") && frame.seq().orElse(-2) == signInSeq) {
      signInAnswered(attempt, frame);
    } else if (frame.cmdType().equals("CmdNotify")) {
      notified(attempt, frame.body().path("notify").asText(""));
    } else if (frame.isResp() || frame.isResult()) {
      // An answered call is done here; only answers to nothing (or known no-op acks) go further.
      if (!calls.answer(frame) && !pushes.onPush(frame)) {
        LOG.debug("Seat {}: {} seq {} answers no call in flight (late after a timeout or a reconnect); dropped", seat, frame.cmdType(), frame.seq());
      }
    } else if (!pushes.onPush(frame)) {
      codec.droppedUnknown(frame);
    }
  }

  private synchronized void signInAnswered(long attempt, Frame frame) {
    if (attempt != epoch || terminal()) {
      return;
    }
    Optional<DeviceException> error = CloudErrors.of("CmdSignIn", frame.body(), 0);
    if (error.isPresent()) {
      token.invalidate();
      refused(attempt, error.get());
      return;
    }
    state = SessionState.SIGNED_IN;
    failedAttempts = 0;
    calls.attach(out);
    LOG.info("Seat {} signed in", seat);
    firstSignIn.complete(null);
  }

  private synchronized void notified(long attempt, String notice) {
    if (attempt != epoch || terminal()) {
      return;
    }
    if (notice.contains("Kicked")) {
      state = SessionState.KICKED;
      shutDown(new ConnectionLostException("*", "seat " + seat + " was kicked out: another sign-in took the session", null));
      LOG.warn("Seat {} was kicked out by another sign-in; the session stays down until its owner opens it again", seat);
      pushes.sessionKicked(notice, attempt);
    } else if (notice.contains("Auth")) {
      token.invalidate();
      refused(attempt, new CommandRejectedException("CmdSignIn", 401, notice));
    } else {
      LOG.info("Seat {} got notice '{}'; ignored", seat, notice);
    }
  }

  private void refused(long attempt, DeviceException error) {
    if (!firstSignIn.isDone()) {
      state = SessionState.CLOSED;
      shutDown(error);
      LOG.warn("Seat {} could not sign in ({}); the session is closed", seat, error.getMessage());
    } else {
      lost(attempt, "sign-in refused: " + error.getMessage(), null);
    }
  }

  private synchronized void lost(long attempt, String reason, @Nullable Throwable cause) {
    if (attempt != epoch || terminal()) {
      return;
    }
    if (!firstSignIn.isDone()) {
      state = SessionState.CLOSED;
      shutDown(cause instanceof DeviceException d ? d : new ConnectionLostException("CmdSignIn", reason, cause));
      LOG.warn("Seat {} could not open its session: {}", seat, reason);
      return;
    }
    state = SessionState.RECONNECTING;
    epochs.incrementAndGet();
    epoch = -1;
    dropSocket();
    calls.detach(reason);
    failedAttempts++;
    Duration delay = reconnectDelay(failedAttempts);
    LOG.warn("Seat {} lost its connection ({}); reconnecting in {} ms (attempt {})", seat, reason, delay.toMillis(), failedAttempts);
    resources.timer().schedule(this::reconnect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** After the policy's last retry its last delay repeats: a session lives until its owner closes it. */
  private Duration reconnectDelay(int attempt) {
    RetryPolicy policy = resources.config().reconnect();
    int n = Math.max(1, Math.min(attempt, policy.maxRetries()));
    return policy.maxRetries() == 0 ? Duration.ofSeconds(1) : policy.delayAfter(n, ThreadLocalRandom.current().nextDouble()).orElse(Duration.ofSeconds(1));
  }

  private synchronized void reconnect() {
    if (state == SessionState.RECONNECTING) {
      connect();
    }
  }

  private void beat() {
    WebSocket ws = socket;
    OutboundQueue queue = out;
    if (state != SessionState.SIGNED_IN || ws == null || queue == null) {
      return;
    }
    long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeardNanos);
    if (silentMs > 3 * resources.config().heartbeatInterval().toMillis()) {
      lost(epoch, "nothing heard for " + silentMs + " ms", null);
      return;
    }
    queue.offer(codec.encode("CmdHeartbeat", calls.nextSeq(), Json.object()), null);
    ws.sendPing(ByteBuffer.allocate(0));
  }

  private void shutDown(DeviceException cause) {
    epochs.incrementAndGet();
    epoch = -1;
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    dropSocket();
    calls.failAll(cause);
    firstSignIn.completeExceptionally(cause);
  }

  private void dropSocket() {
    OutboundQueue queue = out;
    WebSocket ws = socket;
    out = null;
    socket = null;
    if (queue != null) {
      queue.close();
    }
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, e) -> ws.abort());
    }
  }

  private boolean terminal() {
    return state == SessionState.KICKED || state == SessionState.CLOSED;
  }

  /** Reads one connection's frames and tells this connection what happened to it. */
  private final class Listener implements WebSocket.Listener {
    private final long attempt;
    private final FrameAssembler frames;

    Listener(long attempt) {
      this.attempt = attempt;
      this.frames = new FrameAssembler(resources.config().maxFrameBytes(), codec);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      frames.append(data, last).ifPresent(text -> onFrame(attempt, text));
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      lost(attempt, "closed by the cloud (" + statusCode + " " + reason + ")", null);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      lost(attempt, "transport error: " + error, error);
    }
  }
}

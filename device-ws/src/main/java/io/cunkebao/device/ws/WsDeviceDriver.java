package io.cunkebao.device.ws;

import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.DeviceDriverConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device driver for a cloud that speaks JSON over WebSocket plus REST ({@code DOMAIN.md} §5):
 * one multiplexed, signed-in WebSocket per seat, REST for lists, friend requests by phone, moment
 * posting and contact import.
 *
 * <p>The URI names the WebSocket endpoint; its {@code rest} query parameter names the REST base
 * (default: the same host and port over http(s)): {@code
 * wss://cloud.example:9993/?rest=https://cloud.example:9991/}. Certificates are verified (the JDK
 * default, never switched off); the access token travels only in the {@code CmdSignIn} frame and
 * the {@code Authorization} header, never in the URL or a log line.
 *
 * <pre>{@code
 * try (DeviceDriver driver = new WsDeviceDriver(uri, DeviceDriverConfig.defaults(), engineEvents)) {
 *   DeviceSession seat = driver.openSession(new SeatCredentials(SeatId.of("1001"), "kefu1", pw)).join();
 *   seat.messages().sendText(accountId, friendId, "你好").join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Uses one timer thread and a small pool for I/O callbacks, all daemon threads,
 * released by {@link #close()}.
 */
public final class WsDeviceDriver implements DeviceDriver {
  private final URI wsUri;
  private final URI restBase;
  private final DriverResources resources;
  private final Map<SeatId, WsDeviceSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Creates a driver; makes no connection.
   *
   * @param uri the cloud's WebSocket URI ({@code ws} or {@code wss}), optionally with {@code rest}
   * @param config timeouts and limits
   * @param events where device events go
   * @throws IllegalArgumentException naming the part of the URI that is wrong
   */
  public WsDeviceDriver(URI uri, DeviceDriverConfig config, EventPublisher events) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(events, "events");
    this.wsUri = CloudUris.webSocket(uri);
    this.restBase = CloudUris.rest(uri);
    ExecutorService io = Executors.newCachedThreadPool(daemon("cunkebao-device-io"));
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("cunkebao-device-timer"));
    timer.setRemoveOnCancelPolicy(true);
    HttpClient http = HttpClient.newBuilder().executor(io).connectTimeout(config.callTimeout()).build();
    this.resources = new DriverResources(http, timer, io, config, events);
  }

  @Override
  public CompletableFuture<DeviceSession> openSession(SeatCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    if (closed) {
      throw new IllegalStateException("the driver for " + wsUri + " is closed");
    }
    WsDeviceSession session = sessions.computeIfAbsent(credentials.seat(), seat -> new WsDeviceSession(credentials, wsUri, restBase, resources));
    return session.start().handle((ok, failure) -> {
      if (failure != null) {
        sessions.remove(credentials.seat(), session);
        return CompletableFuture.<DeviceSession>failedFuture(failure.getCause() != null ? failure.getCause() : failure);
      }
      return CompletableFuture.<DeviceSession>completedFuture(session);
    }).thenCompose(f -> f);
  }

  @Override
  public Optional<DeviceSession> session(SeatId seat) {
    return Optional.ofNullable(sessions.get(seat)).filter(WsDeviceSession::isOpen).map(s -> s);
  }

  @Override
  public void close() {
    closed = true;
    new ArrayList<>(sessions.values()).forEach(WsDeviceSession::close);
    sessions.clear();
    resources.timer().shutdownNow();
    resources.io().shutdown();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

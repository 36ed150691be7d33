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
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

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
 * <p>A cloud whose certificate comes from a private CA is trusted with the driver options {@link
 * #TRUST_STORE} (a PKCS12 or JKS file, with {@link #TRUST_STORE_PASSWORD} if it has one) or {@link
 * #TRUST_CERTIFICATES} (a PEM file), or in code with {@link #WsDeviceDriver(URI,
 * DeviceDriverConfig, EventPublisher, SSLContext)}. Either replaces the JDK's default CAs for this
 * driver; the chain and the host name are still checked. A certificate that fails the checks
 * fails {@code openSession} with {@link TlsHandshakeException}.
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
  /** Driver option: path of a PKCS12 or JKS trust store whose certificates are the only CAs trusted. */
  public static final String TRUST_STORE = "tls.trustStore";
  /** Driver option: the {@link #TRUST_STORE}'s password, if it has one. */
  public static final String TRUST_STORE_PASSWORD = "tls.trustStorePassword";
  /** Driver option: path of a PEM file whose certificates are the only CAs trusted. */
  public static final String TRUST_CERTIFICATES = "tls.trustCertificates";
  private final URI wsUri;
  private final URI restBase;
  private final DriverResources resources;
  private final Map<SeatId, WsDeviceSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Creates a driver; makes no connection. TLS trust comes from the {@code tls.*} options in
   * {@code config}, else from the JDK's default CAs.
   *
   * @param uri the cloud's WebSocket URI ({@code ws} or {@code wss}), optionally with {@code rest}
   * @param config timeouts, limits and driver options
   * @param events where device events go
   * @throws IllegalArgumentException naming the part of the URI or the option that is wrong
   */
  public WsDeviceDriver(URI uri, DeviceDriverConfig config, EventPublisher events) {
    this(uri, config, events, TlsTrust.fromOptions(Objects.requireNonNull(config, "config")).orElse(null), true);
  }

  /**
   * Creates a driver that uses the given TLS context for {@code wss} and {@code https}, for
   * example one that trusts a private CA or presents a client certificate; makes no connection.
   * The host name is still checked against the certificate. The context's trust managers decide
   * which chains are accepted: pass one built from a {@link javax.net.ssl.TrustManagerFactory},
   * never one that accepts everything.
   *
   * @param uri the cloud's WebSocket URI ({@code ws} or {@code wss}), optionally with {@code rest}
   * @param config timeouts, limits and driver options; must not also set the {@code tls.*} options
   * @param events where device events go
   * @param tls the TLS context
   * @throws IllegalArgumentException naming the part of the URI that is wrong, or if {@code config}
   *     sets {@code tls.*} options as well
   */
  public WsDeviceDriver(URI uri, DeviceDriverConfig config, EventPublisher events, SSLContext tls) {
    this(uri, config, events, Objects.requireNonNull(tls, "tls"), false);
  }

  private WsDeviceDriver(URI uri, DeviceDriverConfig config, EventPublisher events, @Nullable SSLContext tls, boolean fromOptions) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(events, "events");
    if (!fromOptions && config.options().keySet().stream().anyMatch(k -> k.startsWith("tls."))) {
      // Two sources of trust would leave it unclear which one is in force.
      throw new IllegalArgumentException("pass either an SSLContext or the tls.* driver options, not both");
    }
    this.wsUri = CloudUris.webSocket(uri);
    this.restBase = CloudUris.rest(uri);
    ExecutorService io = Executors.newCachedThreadPool(daemon("cunkebao-device-io"));
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("cunkebao-device-timer"));
    timer.setRemoveOnCancelPolicy(true);
    HttpClient.Builder http = HttpClient.newBuilder().executor(io).connectTimeout(config.callTimeout());
    if (tls != null) {
      http.sslContext(tls);
    }
    this.resources = new DriverResources(http.build(), timer, io, config, events);
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
        return CompletableFuture.<DeviceSession>failedFuture(Futures.unwrap(failure));
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

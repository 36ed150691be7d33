package io.cunkebao.device.ws.sim;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cloud's WebSocket side (Java-WebSocket: the JDK has no WebSocket server). Frames
 * are handed to the world thread in arrival order; slow reads delay that hand-over.
 */
final class SimWsServer extends WebSocketServer {
  private static final Logger LOG = LoggerFactory.getLogger(SimWsServer.class);
  private final ScheduledExecutorService worldThread;
  private final SimCommands commands;
  private final SimWorld world;
  private final Faults faults;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile @Nullable Exception startFailure;

  SimWsServer(int port, @Nullable SSLContext tls, ScheduledExecutorService worldThread, SimCommands commands, SimWorld world, Faults faults) {
    super(new InetSocketAddress("127.0.0.1", port));
    if (tls != null) {
      // The factory runs TLS handshake tasks on this executor and shuts it down when the server stops;
      // a daemon thread so that a test that forgets to close the simulator does not keep the JVM alive.
      setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls, Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sim-ws-tls");
        t.setDaemon(true);
        return t;
      })));
    }
    this.worldThread = worldThread;
    this.commands = commands;
    this.world = world;
    this.faults = faults;
    setReuseAddr(true);
    setTcpNoDelay(true);
  }

  /** Starts and waits until the port is bound. */
  void startAndAwait() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
      throw new IllegalStateException("the simulator's WebSocket server did not start on port " + getAddress().getPort(), startFailure);
    }
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    conn.setAttachment(new SimConn(conn));
  }

  @Override
  public void onWebsocketPing(WebSocket conn, Framedata ping) {
    if (!faults.stalled()) {
      super.onWebsocketPing(conn, ping);
    }
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    if (faults.stalled()) {
      return;
    }
    SimConn c = conn.getAttachment();
    long delay = faults.readDelayMs();
    onWorld(() -> commands.onFrame(c, message), delay);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    SimConn c = conn.getAttachment();
    if (c != null) {
      onWorld(() -> {
        String seat = c.seat;
        if (seat != null && world.signedIn.get(seat) == c) {
          world.signedIn.remove(seat);
        }
      }, 0);
    }
  }

  @Override
  public void onError(@Nullable WebSocket conn, Exception ex) {
    if (conn == null) {
      startFailure = ex;
      started.countDown();
    } else {
      LOG.debug("Simulator connection error: {}", ex.toString());
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  private void onWorld(Runnable task, long delayMs) {
    try {
      if (delayMs > 0) {
        worldThread.schedule(task, delayMs, TimeUnit.MILLISECONDS);
      } else {
        worldThread.execute(task);
      }
    } catch (RejectedExecutionException e) {
      LOG.debug("Simulator is stopping; frame ignored");
    }
  }
}

package io.cunkebao.device.ws.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A simulated device cloud on loopback: WebSocket commands and pushes, REST lists and jobs, seats
 * and phones generated from a seed. Embedded in tests or run by {@link SimulatorMain}.
 *
 * <pre>{@code
 * try (DeviceCloudSimulator sim = DeviceCloudSimulator.start(SimulatorOptions.defaults())) {
 *   DeviceDriver driver = new WsDeviceDriver(sim.driverUri(), DeviceDriverConfig.defaults(), events);
 *   DeviceSession seat = driver.openSession(sim.seats().get(0).credentials()).join();
 * }
 * }</pre>
 *
 * <p>All simulated state lives on one world thread, so the simulation is race-free; {@link
 * #view()} and the trigger methods run there and wait for it. Thread-safe.
 */
public final class DeviceCloudSimulator implements AutoCloseable {
  private final SimulatorOptions options;
  private final ScheduledExecutorService worldThread;
  private final ExecutorService httpThreads;
  private final SimWorld world;
  private final Faults faults = new Faults();
  private final ActionRecord record = new ActionRecord();
  private final SimCommands commands;
  private final SimPushes pushes;
  private final SimWsServer ws;
  private final SimRestServer rest;
  private final boolean tls;

  private DeviceCloudSimulator(SimulatorOptions options, int wsPort, int restPort, @Nullable SSLContext tls) throws IOException {
    this.options = options;
    this.tls = tls != null;
    this.worldThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-world"));
    this.httpThreads = Executors.newFixedThreadPool(2, r -> daemon(r, "sim-http"));
    this.world = new SimWorld(options);
    SimReplies replies = new SimReplies(worldThread, world, faults, options);
    this.pushes = new SimPushes(world, replies);
    SimHandlers shared = new SimHandlers(world, replies, record, new RiskControl(options), pushes);
    this.commands = new SimCommands(world, replies, faults);
    new SimMessaging(shared).registerOn(commands);
    new SimChatrooms(shared, worldThread, options).registerOn(commands);
    new SimMoments(shared).registerOn(commands);
    new SimContacts(shared).registerOn(commands);
    this.ws = new SimWsServer(wsPort, tls, worldThread, commands, world, faults);
    this.rest = new SimRestServer(restPort, tls, worldThread, httpThreads, shared, faults);
  }

  /**
   * Starts a simulator on free loopback ports.
   *
   * @param options the setup
   * @return the running simulator, which the caller closes
   */
  public static DeviceCloudSimulator start(SimulatorOptions options) {
    return start(options, 0, 0);
  }

  /**
   * Starts a simulator on the given loopback ports.
   *
   * @param options the setup
   * @param wsPort the WebSocket port, 0 for any free one
   * @param restPort the REST port, 0 for any free one
   * @return the running simulator, which the caller closes
   */
  public static DeviceCloudSimulator start(SimulatorOptions options, int wsPort, int restPort) {
    return start(options, wsPort, restPort, null);
  }

  /**
   * Starts a simulator that serves WebSocket and REST over TLS ({@code wss://}, {@code https://})
   * on free loopback ports, with the key and certificate of {@code tls}. The certificate should
   * name {@code 127.0.0.1}, the host of the URIs the simulator hands out.
   *
   * @param options the setup
   * @param tls the server's TLS context (its key manager holds the certificate)
   * @return the running simulator, which the caller closes
   */
  public static DeviceCloudSimulator start(SimulatorOptions options, SSLContext tls) {
    return start(options, 0, 0, Objects.requireNonNull(tls, "tls"));
  }

  /**
   * Starts a simulator on the given loopback ports, over TLS if {@code tls} is given.
   *
   * @param options the setup
   * @param wsPort the WebSocket port, 0 for any free one
   * @param restPort the REST port, 0 for any free one
   * @param tls the server's TLS context, or null for plain {@code ws://} and {@code http://}
   * @return the running simulator, which the caller closes
   */
  public static DeviceCloudSimulator start(SimulatorOptions options, int wsPort, int restPort, @Nullable SSLContext tls) {
    try {
      DeviceCloudSimulator sim = new DeviceCloudSimulator(options, wsPort, restPort, tls);
      sim.rest.start();
      sim.ws.startAndAwait();
      return sim;
    } catch (IOException e) {
      throw new UncheckedIOException("the simulator could not bind its ports", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the simulator", e);
    }
  }

  /** @return the WebSocket endpoint, {@code ws://127.0.0.1:<port>/} ({@code wss} with TLS) */
  public URI webSocketUri() {
    return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + ws.getPort() + "/");
  }

  /** @return the REST base, {@code http://127.0.0.1:<port>/} ({@code https} with TLS) */
  public URI restUri() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + rest.port() + "/");
  }

  /** @return the URI to open a driver with: the WebSocket endpoint with the REST base as {@code rest} */
  public URI driverUri() {
    return URI.create(webSocketUri() + "?rest=" + restUri());
  }

  /** @return the setup */
  public SimulatorOptions options() {
    return options;
  }

  /** @return the seats and their logins */
  public List<SimSeat> seats() {
    return onWorld(() -> List.copyOf(world.seats.values()));
  }

  /** @return what the phones did */
  public ActionRecord record() {
    return record;
  }

  /** @return fault injection */
  public Faults faults() {
    return faults;
  }

  /** @return read access to the simulated state, for assertions */
  public SimView view() {
    return new SimView(this, world);
  }

  /** @return pushes and other events to trigger on the simulated phones */
  public SimTriggers triggers() {
    return new SimTriggers(this, world, pushes, commands);
  }

  /** Stops both servers and the world thread. */
  @Override
  public void close() {
    try {
      ws.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rest.stop();
    worldThread.shutdownNow();
    httpThreads.shutdownNow();
  }

  <T> T onWorld(Callable<T> task) {
    try {
      return worldThread.submit(task).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the simulator", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the simulator's world thread did not answer within 10 s", e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}

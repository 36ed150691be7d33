package io.cunkebao.benchmarks;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.device.ws.WsDeviceDriver;
import io.cunkebao.device.ws.sim.DeviceCloudSimulator;
import io.cunkebao.device.ws.sim.SimSeat;
import io.cunkebao.device.ws.sim.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many device command round trips per second does the WebSocket driver complete against the
 * cloud simulator over loopback, with 1 session and with 100 sessions (one per seat)?
 *
 * <p>The command is {@code aliveStatus} (read-only, answered by a {@code Resp} alone, outside
 * risk control), so the score is the driver's and the simulator's framing, JSON and correlation,
 * not a simulated phone delay. Each invocation keeps {@value #IN_FLIGHT} calls in flight, spread
 * evenly over the sessions, and waits for all of them: with one session they are pipelined on one
 * connection, with 100 sessions each connection carries one. Both ends run in this JVM, so the
 * score is a bound on what one node can push, not a network measurement.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DeviceRoundTripBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeviceRoundTripBenchmark {
  static final int IN_FLIGHT = 100;

  @Param({"1", "100"})
  int sessions;

  private DeviceCloudSimulator simulator;
  private WsDeviceDriver driver;
  private final List<DeviceSession> open = new ArrayList<>();
  private final List<List<Long>> accounts = new ArrayList<>();

  @Setup(Level.Trial)
  public void setUp() {
    // One account per seat, few friends, no chatrooms or moments: the world only has to exist.
    // Risk control is set out of reach; aliveStatus is not an action anyway.
    simulator = DeviceCloudSimulator.start(new SimulatorOptions(42, sessions, 1, 2, 0, 0, Duration.ZERO,
        Duration.ofSeconds(2), Duration.ofMinutes(1), 1_000_000, 1_000_000));
    driver = new WsDeviceDriver(simulator.driverUri(), DeviceDriverConfig.defaults(), event -> { });
    for (SimSeat seat : simulator.seats()) {
      open.add(driver.openSession(seat.credentials()).join());
      accounts.add(List.of(seat.wechatAccountIds().get(0)));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    driver.close();
    simulator.close();
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public Object roundTrips() {
    CompletableFuture<?>[] calls = new CompletableFuture<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      int session = i % open.size();
      calls[i] = open.get(session).aliveStatus(accounts.get(session));
    }
    return CompletableFuture.allOf(calls).join();
  }
}

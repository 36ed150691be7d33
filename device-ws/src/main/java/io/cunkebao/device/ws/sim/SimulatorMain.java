package io.cunkebao.device.ws.sim;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until the process is stopped:
 * {@code java -cp ... io.cunkebao.device.ws.sim.SimulatorMain --port 9993 --rest-port 9991 --seed 42}.
 * Prints the driver URI and every seat's login.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  /**
   * Starts the simulator.
   *
   * @param args {@code --port N} (WebSocket, default 9993), {@code --rest-port N} (default 9991),
   *     {@code --seed N} (default 42)
   * @throws InterruptedException when interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    int port = 9993;
    int restPort = 9991;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--port" -> port = parse(value, "--port");
        case "--rest-port" -> restPort = parse(value, "--rest-port");
        case "--seed" -> seed = parse(value, "--seed");
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --port N, --rest-port N, --seed N");
      }
      i++;
    }
    DeviceCloudSimulator sim = DeviceCloudSimulator.start(SimulatorOptions.defaults().withSeed(seed), port, restPort);
    PrintStream out = System.out;
    out.println("Device cloud simulator on " + sim.driverUri() + " (seed " + seed + ")");
    sim.seats().forEach(s -> out.println("  seat " + s.seatId() + ": username " + s.username() + ", password " + s.password()
        + ", WeChat accounts " + s.wechatAccountIds()));
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    new CountDownLatch(1).await();
  }

  private static int parse(String value, String option) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number but got '" + value + "'", e);
    }
  }
}

package io.cunkebao.device.ws;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.device.ws.sim.DeviceCloudSimulator;
import io.cunkebao.device.ws.sim.SimSeat;
import io.cunkebao.device.ws.sim.SimulatorOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** A simulator on loopback and a driver against it; subclasses start them with their own settings. */
abstract class SimulatorFixture {
  static final Duration FAST_RESULT = Duration.ofMillis(20);
  DeviceCloudSimulator sim;
  WsDeviceDriver driver;
  final RecordingPublisher events = new RecordingPublisher();

  static SimulatorOptions options() {
    return SimulatorOptions.defaults().withDelays(FAST_RESULT, Duration.ofMillis(300)).withRisk(Duration.ofMinutes(1), 10_000, 3);
  }

  static DeviceDriverConfig config() {
    return DeviceDriverConfig.defaults()
        .withCallTimeout(Duration.ofSeconds(5))
        .withHeartbeatInterval(Duration.ofSeconds(1))
        .withReconnect(RetryPolicy.exponential(Duration.ofMillis(50), 2, Duration.ofMillis(400), 0.2, 100))
        .withChatroomCreation(Duration.ofSeconds(5), Duration.ofMillis(100));
  }

  void start(SimulatorOptions options, DeviceDriverConfig config) {
    sim = DeviceCloudSimulator.start(options);
    driver = new WsDeviceDriver(sim.driverUri(), config, events);
  }

  void start() {
    start(options(), config());
  }

  SimSeat seat(int index) {
    return sim.seats().get(index);
  }

  long account(int seat, int index) {
    return seat(seat).wechatAccountIds().get(index);
  }

  DeviceSession open(int seat) throws Exception {
    return driver.openSession(seat(seat).credentials()).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
    if (sim != null) {
      sim.close();
    }
  }
}

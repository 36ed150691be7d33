package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.spi.DeviceDriverConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceDriverConfigTest {

  @Test
  void toString_masksCredentialOptions() {
    DeviceDriverConfig defaults = DeviceDriverConfig.defaults();
    DeviceDriverConfig config = new DeviceDriverConfig(defaults.callTimeout(), defaults.heartbeatInterval(),
        defaults.reconnect(), defaults.maxOutboundFrames(), defaults.maxFrameBytes(), defaults.chatroomCreateTimeout(),
        defaults.chatroomPollInterval(), defaults.clock(),
        Map.of("tls.trustStore", "/etc/ca.p12", "tls.trustStorePassword", "hunter2", "apiToken", "abc123"));

    assertThat(config.toString()).contains("tls.trustStore=/etc/ca.p12").doesNotContain("hunter2").doesNotContain("abc123");
  }
}

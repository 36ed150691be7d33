package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.api.spi.DeviceDriverProvider;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

  @Test
  void serviceLoaderFindsProvidersForWsAndWss() {
    List<String> schemes = ServiceLoader.load(DeviceDriverProvider.class).stream().map(p -> p.get().scheme()).toList();
    assertThat(schemes).containsExactlyInAnyOrder("ws", "wss");
  }

  @Test
  void opensWithoutConnectingAndRefusesOtherSchemes() {
    try (DeviceDriver driver = new WsDeviceDriverProvider().open(URI.create("ws://127.0.0.1:1/"), DeviceDriverConfig.defaults(), e -> { })) {
      assertThat(driver).isInstanceOf(WsDeviceDriver.class);
    }
    assertThatThrownBy(() -> new WssDeviceDriverProvider().open(URI.create("ws://h/"), DeviceDriverConfig.defaults(), e -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss");
  }
}

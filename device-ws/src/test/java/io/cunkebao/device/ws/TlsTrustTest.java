package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.spi.DeviceDriverConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS trust options: what they accept, and errors that name the option but never the password. */
class TlsTrustTest {
  private static final URI CLOUD = URI.create("wss://cloud.example:9993/");
  @TempDir Path dir;

  static DeviceDriverConfig with(Map<String, String> options) {
    return DeviceDriverConfig.defaults().withOptions(options);
  }

  static WsDeviceDriver open(DeviceDriverConfig config) {
    return new WsDeviceDriver(CLOUD, config, event -> { });
  }

  @Test
  void noOptionsMeansTheJdksDefaultTrust() {
    assertThat(TlsTrust.fromOptions(DeviceDriverConfig.defaults())).isEmpty();
  }

  @Test
  void aTrustStoreAndAPemFileAreAccepted() throws Exception {
    TestPki.Ca ca = TestPki.ca("ca");
    Path store = ca.writeTrustStore(dir.resolve("t.p12"), "pw-123");
    Path pem = ca.writePem(dir.resolve("ca.pem"));
    assertThat(TlsTrust.fromOptions(with(Map.of(WsDeviceDriver.TRUST_STORE, store.toString(), WsDeviceDriver.TRUST_STORE_PASSWORD, "pw-123"))))
        .isPresent();
    assertThat(TlsTrust.fromOptions(with(Map.of(WsDeviceDriver.TRUST_CERTIFICATES, pem.toString())))).isPresent();
  }

  @Test
  void aWrongPasswordNamesTheFileButNotThePassword() throws Exception {
    Path store = TestPki.ca("ca").writeTrustStore(dir.resolve("t.p12"), "right-pw");
    assertThatThrownBy(() -> open(with(Map.of(WsDeviceDriver.TRUST_STORE, store.toString(), WsDeviceDriver.TRUST_STORE_PASSWORD, "wrong-pw-s3cret"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls.trustStore " + store)
        .hasMessageNotContaining("wrong-pw-s3cret")
        .hasMessageNotContaining("right-pw");
  }

  @Test
  void aMisspeltOptionIsAnErrorNotASilentFallbackToTheDefaultCas() {
    assertThatThrownBy(() -> open(with(Map.of("tls.truststore", "/x.p12"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown driver option tls.truststore");
  }

  @Test
  void conflictingOrIncompleteOptionsAreErrors() throws Exception {
    assertThatThrownBy(() -> open(with(Map.of(WsDeviceDriver.TRUST_STORE, "/a", WsDeviceDriver.TRUST_CERTIFICATES, "/b"))))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> open(with(Map.of(WsDeviceDriver.TRUST_STORE_PASSWORD, "pw"))))
        .hasMessageContaining("tls.trustStore is not");
    assertThatThrownBy(() -> open(with(Map.of(WsDeviceDriver.TRUST_CERTIFICATES, dir.resolve("missing.pem").toString()))))
        .hasMessageContaining("could not be read");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> open(with(Map.of(WsDeviceDriver.TRUST_CERTIFICATES, empty.toString()))))
        .hasMessageContaining("holds no certificates");
    SSLContext context = TlsTrust.trusting(TestPki.ca("ca").trustStore(), "test");
    assertThatThrownBy(() -> new WsDeviceDriver(CLOUD, with(Map.of(WsDeviceDriver.TRUST_CERTIFICATES, "/b")), event -> { }, context))
        .hasMessageContaining("either an SSLContext or the tls.* driver options");
  }
}

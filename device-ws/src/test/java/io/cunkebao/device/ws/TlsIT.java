package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.device.ws.sim.DeviceCloudSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss://} and {@code https://} against the simulator serving certificates from a CA made at
 * test time: trusted when the driver is told to trust that CA, refused with {@link
 * TlsHandshakeException} (fast, not by a timeout) when it is not, or when the certificate comes
 * from another CA or names another host.
 */
class TlsIT extends SimulatorFixture {
  TestPki.Ca trusted;
  TestPki.Ca other;
  @TempDir Path dir;
  DeviceCloudSimulator second;

  @BeforeEach
  void makeCas() throws Exception {
    trusted = TestPki.ca("cunkebao test CA");
    other = TestPki.ca("some other CA");
  }

  @AfterEach
  void stopSecond() {
    if (second != null) {
      second.close();
    }
  }

  void startTls(SSLContext server, DeviceDriverConfig driverConfig) {
    sim = DeviceCloudSimulator.start(options(), server);
    driver = new WsDeviceDriver(sim.driverUri(), driverConfig, events);
  }

  DeviceDriverConfig trustingStore() throws Exception {
    Path store = trusted.writeTrustStore(dir.resolve("trust.p12"), "store-pw");
    return config().withOptions(Map.of(WsDeviceDriver.TRUST_STORE, store.toString(), WsDeviceDriver.TRUST_STORE_PASSWORD, "store-pw"));
  }

  @Test
  void aDriverTrustingTheCaFromATrustStoreSignsInAndWorksOverWssAndHttps() throws Exception {
    startTls(trusted.loopbackServerContext(), trustingStore());
    assertThat(sim.driverUri().toString()).startsWith("wss://127.0.0.1:").contains("rest=https://127.0.0.1:");

    DeviceSession session = open(0);
    long account = account(0, 0);
    long friend = sim.view().friendIds(account).get(0);
    session.messages().sendText(account, friend, "你好 over TLS").get(10, TimeUnit.SECONDS);
    assertThat(session.contacts().friends(account).get(10, TimeUnit.SECONDS)).hasSize(sim.view().friendIds(account).size());

    assertThat(sim.record().ofKind("message")).singleElement().satisfies(a -> assertThat(a.detail()).isEqualTo("1:你好 over TLS"));
  }

  @Test
  void aPemFileOrAnSslContextTrustTheCaToo() throws Exception {
    Path pem = trusted.writePem(dir.resolve("ca.pem"));
    startTls(trusted.loopbackServerContext(), config().withOptions(Map.of(WsDeviceDriver.TRUST_CERTIFICATES, pem.toString())));
    assertThat(open(0).aliveStatus(List.of(account(0, 0))).get(10, TimeUnit.SECONDS)).containsKey(account(0, 0));

    try (WsDeviceDriver inCode = new WsDeviceDriver(sim.driverUri(), config(), events, TlsTrust.trusting(trusted.trustStore(), "test"))) {
      DeviceSession session = inCode.openSession(seat(1).credentials()).get(10, TimeUnit.SECONDS);
      assertThat(session.chatrooms().list(account(1, 0)).get(10, TimeUnit.SECONDS)).isNotEmpty();
    }
  }

  @Test
  void theJdksDefaultTrustRefusesAPrivateCaWithATypedError() throws Exception {
    startTls(trusted.loopbackServerContext(), config());

    assertRefused(driver.openSession(seat(0).credentials()), "token");
    assertThat(driver.session(seat(0).credentials().seat())).isEmpty();
  }

  @Test
  void aCertificateFromAnotherCaIsRejected() throws Exception {
    startTls(other.loopbackServerContext(), trustingStore());

    assertRefused(driver.openSession(seat(0).credentials()), "token");
  }

  @Test
  void aCertificateForAnotherHostIsRejected() throws Exception {
    startTls(trusted.serverContext(List.of("cloud.example"), List.of()), trustingStore());

    assertRefused(driver.openSession(seat(0).credentials()), "token");
  }

  /** The token comes over REST first, so this checks the WebSocket's own handshake: trusted REST, untrusted WebSocket. */
  @Test
  void theWebSocketHandshakeIsVerifiedOnItsOwn() throws Exception {
    sim = DeviceCloudSimulator.start(options(), trusted.loopbackServerContext());
    second = DeviceCloudSimulator.start(options(), other.loopbackServerContext());
    URI mixed = URI.create(second.webSocketUri() + "?rest=" + sim.restUri());
    driver = new WsDeviceDriver(mixed, trustingStore(), events);

    assertRefused(driver.openSession(seat(0).credentials()), "CmdSignIn");
    assertThat(second.view().signedInSeats()).isEmpty();
  }

  private void assertRefused(CompletableFuture<DeviceSession> opening, String command) {
    // The bounded get is the "no hang" check: the handshake fails at once, well inside the call timeout.
    assertThatThrownBy(() -> opening.get(4, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TlsHandshakeException.class)
        .isInstanceOf(ConnectionLostException.class)
        .hasMessageContaining("TLS handshake with 127.0.0.1:")
        .hasMessageContaining("tls.trustStore")
        .satisfies(e -> assertThat(((TlsHandshakeException) e).command()).isEqualTo(command));
    assertThat(sim.view().signedInSeats()).isEmpty();
    assertThat(sim.record().all()).isEmpty();
  }
}

package io.cunkebao.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.spi.QueueDriverConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Certificate verification is on by default: a server whose certificate comes from another CA is
 * rejected, so is one that only the test CA vouches for when the driver is not told to trust it,
 * and the {@code caFile} URI option is honoured.
 */
class TlsVerificationIT {
  private static final QueueDriverConfig CONFIG = QueueDriverConfig.defaults(ZoneOffset.UTC);
  private static TestPki trusted;
  private static RedisServerFixture trustedServer;
  private static RedisServerFixture rogueServer;

  @BeforeAll
  static void start() {
    trusted = TestPki.create("trusted");
    TestPki rogue = TestPki.create("rogue");
    trustedServer = RedisServerFixture.startTls(trusted.serverCertificate(), trusted.serverKey(), trusted.ca());
    rogueServer = RedisServerFixture.startTls(rogue.serverCertificate(), rogue.serverKey(), rogue.ca());
  }

  @AfterAll
  static void stop() {
    if (trustedServer != null) {
      trustedServer.close();
    }
    if (rogueServer != null) {
      rogueServer.close();
    }
  }

  @Test
  void serverCertificateFromAnotherCa_isRejected() {
    RedisQueueSettings settings = RedisQueueSettings.of(rogueServer.uri(), "tls").withTrustedCaFile(trusted.ca());

    assertThatThrownBy(() -> RedisQueueDriver.open(settings, CONFIG))
        .isInstanceOf(QueueUnavailableException.class)
        .satisfies(e -> assertThat(causes(e)).contains("SSLHandshakeException").contains("PKIX path building failed"));
  }

  @Test
  void testCaNotTrusted_byDefault_isRejected() {
    RedisQueueSettings settings = RedisQueueSettings.of(trustedServer.uri(), "tls");

    assertThatThrownBy(() -> RedisQueueDriver.open(settings, CONFIG))
        .isInstanceOf(QueueUnavailableException.class)
        .satisfies(e -> assertThat(causes(e)).contains("SSLHandshakeException").contains("PKIX path building failed"));
  }

  @Test
  void caFileOption_inTheUri_trustsThatCa() {
    String uri = trustedServer.uri() + "?namespace=tls-uri&caFile=" + java.net.URLEncoder.encode(trusted.ca().toString(), StandardCharsets.UTF_8);
    try (RedisQueueDriver driver = RedisQueueDriver.open(RedisQueueSettings.fromUri(URI.create(uri)), CONFIG)) {
      assertThat(driver.stats(java.util.List.of("default"), java.time.Instant.now()).pending()).isZero();
      assertThat(driver.isQueuePaused("default")).isFalse();
    }
  }

  @Test
  void caFile_withoutTls_isAConfigurationError() {
    RedisQueueSettings settings = RedisQueueSettings.of("redis://127.0.0.1:" + trustedServer.port(), "tls").withTrustedCaFile(trusted.ca());

    assertThatThrownBy(() -> RedisQueueDriver.open(settings, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caFile is for TLS");
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append(" <- ");
    }
    return text.toString();
  }
}

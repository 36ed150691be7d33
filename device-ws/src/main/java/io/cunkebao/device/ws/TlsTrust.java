package io.cunkebao.device.ws;

import io.cunkebao.api.spi.DeviceDriverConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds the TLS context the driver trusts a private CA with, from the driver options {@link
 * WsDeviceDriver#TRUST_STORE} (+ {@link WsDeviceDriver#TRUST_STORE_PASSWORD}) or {@link
 * WsDeviceDriver#TRUST_CERTIFICATES}.
 *
 * <p>The context's trust managers are the JDK's PKIX ones, initialised with only the given
 * certificates: there is deliberately no option that accepts any certificate (the seed ran without
 * verification, {@code DOMAIN.md} §8.17), and the HttpClient keeps checking the host name against
 * the certificate whatever context it gets. Error messages name the option and the file, never the
 * password.
 */
final class TlsTrust {
  private static final List<String> KNOWN =
      List.of(WsDeviceDriver.TRUST_STORE, WsDeviceDriver.TRUST_STORE_PASSWORD, WsDeviceDriver.TRUST_CERTIFICATES);

  private TlsTrust() {}

  /** @return the context the options ask for, or empty for the JDK's default trust */
  static Optional<SSLContext> fromOptions(DeviceDriverConfig config) {
    // A misspelt option would otherwise fall back to the default CAs and only show up as a refused handshake.
    config.options().keySet().stream().filter(k -> k.startsWith("tls.") && !KNOWN.contains(k)).findFirst().ifPresent(k -> {
      throw new IllegalArgumentException("unknown driver option " + k + "; the TLS options are " + KNOWN);
    });
    Optional<String> store = config.option(WsDeviceDriver.TRUST_STORE);
    Optional<String> pem = config.option(WsDeviceDriver.TRUST_CERTIFICATES);
    if (store.isPresent() && pem.isPresent()) {
      throw new IllegalArgumentException("set " + WsDeviceDriver.TRUST_STORE + " or " + WsDeviceDriver.TRUST_CERTIFICATES + ", not both");
    }
    if (store.isEmpty() && config.option(WsDeviceDriver.TRUST_STORE_PASSWORD).isPresent()) {
      throw new IllegalArgumentException(WsDeviceDriver.TRUST_STORE_PASSWORD + " is set but " + WsDeviceDriver.TRUST_STORE + " is not");
    }
    if (store.isPresent()) {
      char[] password = config.option(WsDeviceDriver.TRUST_STORE_PASSWORD).map(String::toCharArray).orElse(null);
      return Optional.of(trusting(loadStore(Path.of(store.get()), password), WsDeviceDriver.TRUST_STORE + " " + store.get()));
    }
    return pem.map(file -> trusting(loadCertificates(Path.of(file)), WsDeviceDriver.TRUST_CERTIFICATES + " " + file));
  }

  /** A context that trusts exactly the certificates in {@code trusted}, with full PKIX checks. */
  static SSLContext trusting(KeyStore trusted, String source) {
    try {
      if (trusted.size() == 0) {
        throw new IllegalArgumentException(source + " holds no certificates");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(source + " cannot be used as a trust store: " + e.getMessage(), e);
    }
  }

  private static KeyStore loadStore(Path file, char @Nullable [] password) {
    try {
      // getInstance(File, ..) works out PKCS12 or JKS from the file itself.
      return KeyStore.getInstance(file.toFile(), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(WsDeviceDriver.TRUST_STORE + " " + file + " could not be read: " + e.getMessage(), e);
    }
  }

  private static KeyStore loadCertificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(WsDeviceDriver.TRUST_CERTIFICATES + " " + file + " could not be read: " + e.getMessage(), e);
    }
  }
}

package io.cunkebao.device.ws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificate authorities and server certificates made at test time (EC P-256, valid for a day),
 * so that no key or certificate is checked in and none can expire in the repository.
 */
final class TestPki {
  private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";

  private TestPki() {}

  /** A CA: its certificate and the key it signs with. */
  record Ca(X509Certificate certificate, PrivateKey key, byte[] name) {
    /** Writes a PKCS12 trust store holding only this CA's certificate. */
    Path writeTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password.toCharArray());
      }
      return file;
    }

    /** Writes this CA's certificate as PEM. */
    Path writePem(Path file) throws IOException, GeneralSecurityException {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
      return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    }

    /** A KeyStore holding only this CA, for a driver built with an SSLContext. */
    KeyStore trustStore() throws IOException, GeneralSecurityException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      return store;
    }

    /**
     * Issues a server certificate and returns a server-side TLS context presenting it with this CA
     * in its chain.
     *
     * @param dnsNames subject alternative DNS names
     * @param ipv4 subject alternative IPv4 addresses, as 4 bytes each
     */
    SSLContext serverContext(List<String> dnsNames, List<byte[]> ipv4) throws IOException, GeneralSecurityException {
      KeyPair keys = ecKeys();
      List<byte[]> sans = new ArrayList<>();
      dnsNames.forEach(d -> sans.add(Der.implicit(2, d.getBytes(StandardCharsets.US_ASCII))));
      ipv4.forEach(ip -> sans.add(Der.implicit(7, ip)));
      byte[] extensions = Der.sequence(
          extension(BASIC_CONSTRAINTS, Der.sequence()),
          extension(SUBJECT_ALT_NAME, Der.sequence(sans.toArray(byte[][]::new))));
      X509Certificate leaf = sign(name, TestPki.name("sim server"), keys, extensions, key);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "server".toCharArray();
      store.setKeyEntry("server", keys.getPrivate(), password, new Certificate[] {leaf, certificate});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    }

    /** A server context for the simulator's host, 127.0.0.1 (and localhost). */
    SSLContext loopbackServerContext() throws IOException, GeneralSecurityException {
      return serverContext(List.of("localhost"), List.of(new byte[] {127, 0, 0, 1}));
    }
  }

  /** Makes a self-signed CA. */
  static Ca ca(String commonName) throws IOException, GeneralSecurityException {
    KeyPair keys = ecKeys();
    byte[] name = name(commonName);
    byte[] extensions = Der.sequence(extension(BASIC_CONSTRAINTS, Der.sequence(Der.bool(true))));
    return new Ca(sign(name, name, keys, extensions, keys.getPrivate()), keys.getPrivate(), name);
  }

  private static X509Certificate sign(byte[] issuer, byte[] subject, KeyPair subjectKeys, byte[] extensions, PrivateKey issuerKey)
      throws IOException, GeneralSecurityException {
    byte[] algorithm = Der.sequence(Der.oid(ECDSA_SHA256));
    Instant now = Instant.now();
    byte[] tbs = Der.sequence(
        Der.explicit(0, Der.integer(BigInteger.TWO)),
        Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
        algorithm,
        issuer,
        Der.sequence(Der.utcTime(now.minus(Duration.ofMinutes(5))), Der.utcTime(now.plus(Duration.ofDays(1)))),
        subject,
        subjectKeys.getPublic().getEncoded(),
        Der.explicit(3, extensions));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
  }

  private static byte[] name(String commonName) {
    return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
  }

  private static byte[] extension(String oid, byte[] value) {
    return Der.sequence(Der.oid(oid), Der.octets(value));
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}

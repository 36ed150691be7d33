package io.cunkebao.queue.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A certificate authority and a server certificate for 127.0.0.1 and localhost, made with openssl
 * at test time (EC P-256, valid two days). Without openssl on the machine the calling test is
 * aborted (reported as skipped, with the reason printed), never passed.
 *
 * @param ca the CA's certificate (PEM)
 * @param serverCertificate the server's certificate, signed by the CA (PEM)
 * @param serverKey the server's private key (PEM)
 */
public record TestPki(Path ca, Path serverCertificate, Path serverKey) {

  /**
   * Makes a CA and a server certificate in a new directory.
   *
   * @param name the CA's name, in its subject
   * @return the files
   */
  public static TestPki create(String name) {
    String openssl = openssl();
    try {
      Path dir = Files.createTempDirectory("cunkebao-pki-" + name + "-");
      Path caKey = dir.resolve("ca.key");
      Path ca = dir.resolve("ca.crt");
      Path key = dir.resolve("server.key");
      Path csr = dir.resolve("server.csr");
      Path cert = dir.resolve("server.crt");
      Path ext = dir.resolve("server.ext");
      Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
          + "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
      run(dir, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
          "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=" + name + " test CA",
          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
      run(dir, openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
          "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1");
      run(dir, openssl, "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
          "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
      return new TestPki(ca, cert, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String openssl() {
    for (String candidate : List.of("/usr/bin/openssl", "/usr/local/bin/openssl")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    String reason = "SKIPPED: no openssl at /usr/bin or /usr/local/bin; the TLS tests need it to make certificates";
    System.out.println(reason);
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  private static void run(Path dir, String... command) throws IOException {
    List<String> args = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("openssl failed: " + String.join(" ", args) + "\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}

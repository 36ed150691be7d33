package io.cunkebao.queue.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real redis-server on a free loopback port, for tests: the {@code redis-server} on the PATH
 * when it is 6.2 or newer, otherwise the Linux binary inside {@code
 * com.github.codemonstur:embedded-redis} (Redis 6.2), so a machine with only a JDK and Maven runs
 * the tests too. Stopped by its process (pid), never by name.
 *
 * <pre>{@code
 * try (RedisServerFixture redis = RedisServerFixture.start()) {
 *   String uri = redis.uri(); // redis://127.0.0.1:port
 * }
 * }</pre>
 */
public final class RedisServerFixture implements AutoCloseable {
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final String EMBEDDED = "/redis-server-6.2.6-v5-linux-amd64";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Path binary;
  private final Path dir;
  private final int port;
  private final List<String> extraArgs;
  private final boolean tls;
  private Process process;

  private RedisServerFixture(Path binary, Path dir, int port, List<String> extraArgs, boolean tls) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
    this.extraArgs = extraArgs;
    this.tls = tls;
  }

  /** Starts a server without persistence. */
  public static RedisServerFixture start() {
    return start(List.of("--save", "", "--appendonly", "no"));
  }

  /** Starts a server with an append-only file, fsync every second (survives a restart). */
  public static RedisServerFixture startWithAof() {
    return start(List.of("--save", "", "--appendonly", "yes", "--appendfsync", "everysec"));
  }

  /**
   * Starts a server that speaks only TLS on its port, with this certificate and key (clients are
   * not asked for certificates). When the binary was built without TLS, the test is aborted, not
   * passed: JUnit reports it as skipped, and the reason is printed.
   *
   * @param certificate the server's certificate (PEM)
   * @param key its private key (PEM)
   * @param ca the CA file redis-server is given (PEM)
   * @return the running server; {@link #uri()} is {@code rediss://127.0.0.1:port}
   */
  public static RedisServerFixture startTls(Path certificate, Path key, Path ca) {
    try {
      Path dir = Files.createTempDirectory("cunkebao-redis-tls-");
      int port = freePort();
      List<String> args = List.of("--save", "", "--appendonly", "no", "--port", "0", "--tls-port", String.valueOf(port),
          "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(),
          "--tls-auth-clients", "no");
      RedisServerFixture fixture = new RedisServerFixture(binary(dir), dir, port, args, true);
      try {
        fixture.launch();
      } catch (IllegalStateException e) {
        String output = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (output.contains("Bad directive") || output.contains("not supported")) {
          String reason = "SKIPPED: " + fixture.binary + " was built without TLS support; TLS tests do not run: " + output;
          System.out.println(reason);
          org.junit.jupiter.api.Assumptions.abort(reason);
        }
        throw e;
      }
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a server on a given port (a Cluster node, say).
   *
   * @param port the port
   * @param args more arguments
   * @return the running server
   */
  static RedisServerFixture startOnPort(int port, List<String> args) {
    try {
      Path dir = Files.createTempDirectory("cunkebao-redis-" + port + "-");
      RedisServerFixture fixture = new RedisServerFixture(binary(dir), dir, port, args, false);
      fixture.launch();
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the server's data directory */
  Path dir() {
    return dir;
  }

  private static RedisServerFixture start(List<String> args) {
    try {
      Path dir = Files.createTempDirectory("cunkebao-redis-");
      RedisServerFixture fixture = new RedisServerFixture(binary(dir), dir, freePort(), args, false);
      fixture.launch();
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code redis://127.0.0.1:port}, or {@code rediss://} for a TLS server */
  public String uri() {
    return (tls ? "rediss" : "redis") + "://127.0.0.1:" + port;
  }

  /**
   * @param user an ACL user
   * @param password its password
   * @return {@code redis://user:password@127.0.0.1:port} (or {@code rediss://})
   */
  public String uri(String user, String password) {
    return (tls ? "rediss" : "redis") + "://" + user + ":" + password + "@127.0.0.1:" + port;
  }

  /** @return the port */
  public int port() {
    return port;
  }

  /** @return the server's pid */
  public long pid() {
    return process.pid();
  }

  /** @return the path of the redis-server binary in use */
  public Path binary() {
    return binary;
  }

  /** Kills the server with SIGKILL (no shutdown save) and waits for it to be gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** Starts the server again on the same port and directory (its AOF, if any, is loaded). */
  public void restart() {
    if (process.isAlive()) {
      kill();
    }
    launch();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: redis-server exits cleanly
      waitFor();
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--daemonize", "no", "--protected-mode", "no", "--maxmemory-policy", "noeviction"));
    command.addAll(extraArgs);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    awaitReady(process.getInputStream());
  }

  private void awaitReady(InputStream output) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      StringBuilder seen = new StringBuilder();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (!ready.isDone()) {
            seen.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
              ready.complete(null);
            }
          }
        }
      } catch (IOException e) {
        // the process ended; the output is no longer readable
      }
      ready.completeExceptionally(new IllegalStateException("redis-server on port " + port + " ended:\n" + seen));
    }, "redis-server-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("redis-server on port " + port + " not ready after " + START_TIMEOUT, e);
    } catch (Exception e) {
      throw new IllegalStateException("redis-server on port " + port + " did not start", e);
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path binary(Path dir) throws IOException {
    String fromPath = findOnPath();
    if (fromPath != null) {
      return Path.of(fromPath);
    }
    Path target = dir.resolve("redis-server");
    try (InputStream in = RedisServerFixture.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("no redis-server >= 6.2 on the PATH and " + EMBEDDED + " not on the classpath");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    return target;
  }

  /** @return the redis-server on the PATH when it is 6.2 or newer, else null */
  private static String findOnPath() {
    if (Boolean.getBoolean("cunkebao.redis.embedded")) {
      return null; // forced: test the fallback
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String entry : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry, "redis-server");
      if (Files.isExecutable(candidate) && atLeast62(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static boolean atLeast62(Path candidate) {
    try {
      Process version = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
      String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      version.waitFor(10, TimeUnit.SECONDS);
      Matcher m = VERSION.matcher(text);
      if (!m.find()) {
        return false;
      }
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      return major > 6 || major == 6 && minor >= 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    return TestPorts.free(20_000, 32_000, 0);
  }

  @Override
  public String toString() {
    return "RedisServerFixture[" + binary + " on port " + port + "]";
  }
}

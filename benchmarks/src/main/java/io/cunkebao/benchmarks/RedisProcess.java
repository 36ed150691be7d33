package io.cunkebao.benchmarks;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A redis-server owned by one benchmark trial, on a free loopback port, without persistence: the
 * {@code redis-server} on the PATH when it is 6.2 or newer (BLMOVE and the driver need 6.2),
 * otherwise the Linux binary inside {@code embedded-redis}. Stopped by its own process handle,
 * never by name, because other engineers' servers run on the same machine.
 *
 * <p>A small copy of the queue-redis test fixture's launcher: the benchmarks must not depend on
 * another module's test classes.
 */
final class RedisProcess implements AutoCloseable {
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final String EMBEDDED = "/redis-server-6.2.6-v5-linux-amd64";

  private final Process process;
  private final int port;
  private final String version;

  private RedisProcess(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
  }

  /** Starts a server and returns once it accepts connections (20 s at most). */
  static RedisProcess start() {
    try {
      Path dir = Files.createTempDirectory("cunkebao-bench-redis-");
      Path binary = binary(dir);
      int port = freePort();
      // noeviction: the driver warns otherwise; no RDB, no AOF: disk I/O is not what is measured.
      Process process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--dir", dir.toString(), "--daemonize", "no", "--protected-mode", "no", "--maxmemory-policy", "noeviction",
          "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
      awaitReady(process, port);
      return new RedisProcess(process, port, versionOf(binary) + " (" + binary + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** @return the server's version and binary, for the result files */
  String version() {
    return version;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: redis-server exits cleanly
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitReady(Process process, int port) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      StringBuilder seen = new StringBuilder();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) { // keep draining, or a full pipe would stall redis-server
          if (!ready.isDone()) {
            seen.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
              ready.complete(null);
            }
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      ready.completeExceptionally(new IllegalStateException("redis-server on port " + port + " ended:\n" + seen));
    }, "bench-redis-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("redis-server on port " + port + " did not start", e);
    }
  }

  private static Path binary(Path dir) throws IOException {
    String path = System.getenv("PATH");
    if (path != null && !Boolean.getBoolean("cunkebao.redis.embedded")) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(entry, "redis-server");
        if (Files.isExecutable(candidate) && atLeast62(versionOf(candidate))) {
          return candidate;
        }
      }
    }
    Path target = dir.resolve("redis-server");
    try (InputStream in = RedisProcess.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("no redis-server >= 6.2 on the PATH and " + EMBEDDED + " not in the jar");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    return target;
  }

  private static String versionOf(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      Matcher m = VERSION.matcher(text);
      return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static boolean atLeast62(String version) {
    List<String> parts = List.of(version.split("\\."));
    if (parts.size() < 2 || !parts.get(0).chars().allMatch(Character::isDigit)) {
      return false;
    }
    int major = Integer.parseInt(parts.get(0));
    int minor = Integer.parseInt(parts.get(1));
    return major > 6 || major == 6 && minor >= 2;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

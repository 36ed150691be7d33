package io.cunkebao.queue.redis.multi;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WorkerNode} in a child JVM on the test class path. Its runs go to a {@link RunLog};
 * its stderr (the engine's log) to a file. Ended by {@link #kill()} (SIGKILL) or {@link #stop()}.
 */
final class WorkerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  final String workerId;
  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();
  private volatile long killedAtMillis = -1;

  private WorkerProcess(String workerId, Process process) {
    this.workerId = workerId;
    this.process = process;
  }

  /**
   * Starts a node; returns at once (see {@link #awaitReady()}).
   *
   * @param queueUri the queue URI with its namespace
   * @param workerId the node's worker id
   * @param concurrency its concurrency
   * @param lease its lease
   * @param log where its runs go
   * @param logDir where its stderr goes
   * @return the process
   */
  static WorkerProcess start(String queueUri, String workerId, int concurrency, Duration lease, RunLog log, Path logDir) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), WorkerNode.class.getName(),
        queueUri, workerId, String.valueOf(concurrency), String.valueOf(lease.toMillis()));
    try {
      File errors = logDir.resolve(workerId + ".log").toFile();
      Process process = new ProcessBuilder(command).redirectError(errors).start();
      WorkerProcess worker = new WorkerProcess(workerId, process);
      worker.readOutput(log);
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a worker JVM", e);
    }
  }

  private void readOutput(RunLog log) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("S ")) {
            String[] f = line.split(" ");
            log.run(Integer.parseInt(f[1]), workerId, Integer.parseInt(f[2]), Long.parseLong(f[3]));
          } else if (line.equals("READY")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        // the process died; its output ends here
      } finally {
        ready.completeExceptionally(new IllegalStateException("worker " + workerId + " ended before it was ready"));
        outputEnded.complete(null);
      }
    }, "worker-" + workerId + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits until the node claims. */
  void awaitReady() {
    try {
      ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("worker " + workerId + " not ready within " + START_TIMEOUT, e);
    }
  }

  /** kill -9: SIGKILL, then waits for the process and the last of its output. */
  void kill() {
    killedAtMillis = System.currentTimeMillis();
    process.destroyForcibly();
    awaitExit();
  }

  /** The wall-clock time of the kill, or -1. */
  long killedAtMillis() {
    return killedAtMillis;
  }

  /** Closes the node's stdin (a clean shutdown) and waits for it to exit. */
  void stop() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    awaitExit();
  }

  long pid() {
    return process.pid();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      outputEnded.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("worker " + workerId + " output did not end", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit();
    }
  }
}

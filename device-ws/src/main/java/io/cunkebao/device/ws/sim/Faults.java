package io.cunkebao.device.ws.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the simulator; every setting applies from the next frame on. Thread-safe.
 * REST calls are named by their path (such as {@code api/WechatFriend/friendlistData}).
 */
public final class Faults {
  private volatile long latencyMs;
  private volatile long jitterMs;
  private volatile long readDelayMs;
  private volatile boolean stalled;
  private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  /** An injected error answer. */
  record Failure(int code, String message, AtomicInteger left) {}

  Faults() {}

  /**
   * Delays every answer by {@code base} plus a random part up to {@code jitter}.
   *
   * @param base the fixed delay
   * @param jitter the largest random addition
   * @return this
   */
  public Faults latency(Duration base, Duration jitter) {
    latencyMs = base.toMillis();
    jitterMs = jitter.toMillis();
    return this;
  }

  /**
   * Drops the answers (Resp and Result) to the next {@code count} commands of a type. The
   * commands still take effect: this is the lost-acknowledgement case.
   *
   * @param cmdType such as {@code CmdSendMessage}
   * @param count how many
   * @return this
   */
  public Faults dropResponses(String cmdType, int count) {
    drops.put(cmdType, new AtomicInteger(count));
    return this;
  }

  /**
   * Answers the next {@code count} commands of a type with an error instead of carrying them out.
   *
   * @param cmdType a cmdType or REST path
   * @param code the error code
   * @param message the error text
   * @param count how many
   * @return this
   */
  public Faults failNext(String cmdType, int code, String message, int count) {
    failures.put(cmdType, new Failure(code, message, new AtomicInteger(count)));
    return this;
  }

  /**
   * Slow reads: waits this long before handling each incoming frame.
   *
   * @param delay the wait
   * @return this
   */
  public Faults readDelay(Duration delay) {
    readDelayMs = delay.toMillis();
    return this;
  }

  /**
   * A black hole: while on, the cloud ignores every incoming frame and ping, as behind a silent
   * network partition (connections stay open).
   *
   * @param on whether to stall
   * @return this
   */
  public Faults stall(boolean on) {
    stalled = on;
    return this;
  }

  /** Turns every fault off. */
  public void clear() {
    stalled = false;
    latencyMs = 0;
    jitterMs = 0;
    readDelayMs = 0;
    drops.clear();
    failures.clear();
  }

  long answerDelayMs(Random random) {
    long jitter = jitterMs;
    return latencyMs + (jitter > 0 ? (long) (random.nextDouble() * jitter) : 0);
  }

  boolean stalled() {
    return stalled;
  }

  long readDelayMs() {
    return readDelayMs;
  }

  boolean takeDrop(String cmdType) {
    AtomicInteger left = drops.get(cmdType);
    return left != null && left.getAndDecrement() > 0;
  }

  Optional<Failure> takeFailure(String cmdType) {
    Failure f = failures.get(cmdType);
    return f != null && f.left().getAndDecrement() > 0 ? Optional.of(f) : Optional.empty();
  }
}

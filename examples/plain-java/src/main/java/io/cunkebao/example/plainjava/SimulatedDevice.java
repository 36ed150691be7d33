package io.cunkebao.example.plainjava;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the cloud that drives the work phones: every call answers after a few
 * milliseconds, and some calls fail.
 *
 * <p>Whether a call fails is decided by a {@link Random} seeded from the demo's seed, the call's
 * key and the attempt number, not by one shared generator: worker threads call in an order that
 * changes from run to run, so only a per-call seed makes the outcome of every call (and so the
 * whole run) reproducible.
 *
 * <p>Answers arrive on a timer thread, never by sleeping: a handler that returns the call's stage
 * holds no worker thread while the "phone" works. A failed call delivers nothing, so a retry never
 * doubles a message; {@link #duplicateDeliveries()} checks that the engine never ran a finished
 * unit of work twice.
 */
public final class SimulatedDevice implements AutoCloseable {
  /** A friend who deleted the account: sends to them fail for good. */
  public static final String DELETED_FRIEND = "wxid_deleted";
  /** Share of text sends that fail with a retryable error: 20%. */
  public static final double SEND_FAILURE_RATE = 0.20;
  /** Share of moment likes that fail with a retryable error. */
  public static final double LIKE_FAILURE_RATE = 0.10;
  /** Share of group pushes that fail; low, since one batch makes many pushes. */
  public static final double PUSH_FAILURE_RATE = 0.05;

  private final long seed;
  private final ScheduledExecutorService answers;
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  /**
   * A device whose failures follow the seed.
   *
   * @param seed the demo's seed
   */
  public SimulatedDevice(long seed) {
    this.seed = seed;
    this.answers = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "simulated-device");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Sends a text message to a friend.
   *
   * @param account the sending WeChat account
   * @param friend the receiving friend
   * @param key the message's unique key
   * @param attempt the task's attempt number
   * @return a stage that completes when the phone answers
   */
  public CompletableFuture<Void> sendText(String account, String friend, String key, int attempt) {
    if (DELETED_FRIEND.equals(friend)) {
      return answer(key, attempt, 0, new PhoneFailure(true, friend + " is no longer a friend of " + account));
    }
    return call(key, attempt, SEND_FAILURE_RATE, "send from " + account + " refused: too frequent (simulated)");
  }

  /**
   * Likes a friend's moment.
   *
   * @param account the liking account
   * @param momentId the moment
   * @param attempt the task's attempt number
   * @return a stage that completes when the phone answers
   */
  public CompletableFuture<Void> likeMoment(String account, String momentId, int attempt) {
    return call("like:" + account + ":" + momentId, attempt, LIKE_FAILURE_RATE, "moments timeline of " + account + " did not load (simulated)");
  }

  /**
   * Pushes a message into one group chat.
   *
   * @param account the pushing account
   * @param chatroom the group chat
   * @param key the push's unique key (batch and chatroom)
   * @param attempt the task's attempt number
   * @return a stage that completes when the phone answers
   */
  public CompletableFuture<Void> pushToGroup(String account, String chatroom, String key, int attempt) {
    return call(key, attempt, PUSH_FAILURE_RATE, "push to " + chatroom + " timed out on the phone (simulated)");
  }

  /** @return how many units of work were delivered more than once (0 unless the engine erred) */
  public long duplicateDeliveries() {
    return deliveries.values().stream().filter(count -> count.get() > 1).count();
  }

  /** @return how many units of work were delivered */
  public int deliveries() {
    return deliveries.size();
  }

  private CompletableFuture<Void> call(String key, int attempt, double failureRate, String failure) {
    Random random = new Random(mix(seed ^ mix(key.hashCode()) ^ attempt));
    boolean fails = random.nextDouble() < failureRate;
    int latencyMillis = 2 + random.nextInt(10);
    return answer(key, attempt, latencyMillis, fails ? new PhoneFailure(false, failure) : null);
  }

  private CompletableFuture<Void> answer(String key, int attempt, int latencyMillis, PhoneFailure failure) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    answers.schedule(() -> {
      if (failure != null) {
        answer.completeExceptionally(failure);
      } else {
        deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        answer.complete(null);
      }
    }, Duration.ofMillis(latencyMillis).toNanos(), TimeUnit.NANOSECONDS);
    return answer;
  }

  /** A 64-bit finalizer (MurmurHash3's), so that neighbouring keys give unrelated seeds. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  @Override
  public void close() {
    answers.shutdownNow();
  }

  /** What a phone answers when a call fails. */
  public static final class PhoneFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    PhoneFailure(boolean permanent, String message) {
      super(message);
      this.permanent = permanent;
    }

    /** @return true when trying again cannot help */
    public boolean permanent() {
      return permanent;
    }
  }
}

package io.cunkebao.api.spi;

import io.cunkebao.api.RetryPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for a device driver. Start from {@link #defaults()} and change what you need with the
 * {@code with*} methods.
 *
 * @param callTimeout how long one call waits for its answer, including time spent waiting for a
 *     reconnect
 * @param heartbeatInterval how often an idle session proves it is alive; a session that hears
 *     nothing for three intervals is treated as broken and reconnected
 * @param reconnect the delays between reconnect attempts (the same type as task retries); after
 *     its last retry the last delay repeats, so a session keeps trying until it is closed, while
 *     calls waiting for it fail on their own timeouts
 * @param maxOutboundFrames how many frames a session queues for sending at most; more fail with
 *     {@link io.cunkebao.api.device.DeviceBusyException}
 * @param maxFrameBytes the largest frame sent or accepted, in UTF-16 chars; larger incoming ones
 *     are dropped and logged
 * @param chatroomCreateTimeout how long a created chatroom may take to show up in the list
 * @param chatroomPollInterval how often the list is read meanwhile
 * @param clock the clock for event times
 * @param options driver-specific options
 */
public record DeviceDriverConfig(
    Duration callTimeout,
    Duration heartbeatInterval,
    RetryPolicy reconnect,
    int maxOutboundFrames,
    int maxFrameBytes,
    Duration chatroomCreateTimeout,
    Duration chatroomPollInterval,
    InstantSource clock,
    Map<String, String> options) {

  /** Checks the values. */
  public DeviceDriverConfig {
    positive(callTimeout, "callTimeout");
    positive(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(reconnect, "reconnect");
    positive(chatroomCreateTimeout, "chatroomCreateTimeout");
    positive(chatroomPollInterval, "chatroomPollInterval");
    Objects.requireNonNull(clock, "clock");
    if (maxOutboundFrames < 1) {
      throw new IllegalArgumentException("maxOutboundFrames must be at least 1 but was " + maxOutboundFrames);
    }
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException("maxFrameBytes must be at least 1024 but was " + maxFrameBytes);
    }
    options = Map.copyOf(options);
  }

  /**
   * The defaults: 30 s per call, heartbeat every 30 s, reconnect after 1 s doubling to 60 s with
   * 20% jitter (up to 1,000 attempts), 10,000 queued frames, 1 MiB frames, chatroom creation
   * watched for 60 s every 2 s, the system clock.
   *
   * @return the config
   */
  public static DeviceDriverConfig defaults() {
    return new DeviceDriverConfig(Duration.ofSeconds(30), Duration.ofSeconds(30),
        RetryPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(60), 0.2, 1_000),
        10_000, 1 << 20, Duration.ofSeconds(60), Duration.ofSeconds(2), InstantSource.system(), Map.of());
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
  }

  /**
   * A copy with another call timeout.
   *
   * @param value the timeout
   * @return the copy
   */
  public DeviceDriverConfig withCallTimeout(Duration value) {
    return new DeviceDriverConfig(value, heartbeatInterval, reconnect, maxOutboundFrames, maxFrameBytes, chatroomCreateTimeout, chatroomPollInterval, clock, options);
  }

  /**
   * A copy with another heartbeat interval.
   *
   * @param value the interval
   * @return the copy
   */
  public DeviceDriverConfig withHeartbeatInterval(Duration value) {
    return new DeviceDriverConfig(callTimeout, value, reconnect, maxOutboundFrames, maxFrameBytes, chatroomCreateTimeout, chatroomPollInterval, clock, options);
  }

  /**
   * A copy with another reconnect policy.
   *
   * @param value the policy
   * @return the copy
   */
  public DeviceDriverConfig withReconnect(RetryPolicy value) {
    return new DeviceDriverConfig(callTimeout, heartbeatInterval, value, maxOutboundFrames, maxFrameBytes, chatroomCreateTimeout, chatroomPollInterval, clock, options);
  }

  /**
   * A copy with other queue and frame limits.
   *
   * @param outboundFrames the outbound queue's capacity
   * @param frameBytes the largest frame
   * @return the copy
   */
  public DeviceDriverConfig withLimits(int outboundFrames, int frameBytes) {
    return new DeviceDriverConfig(callTimeout, heartbeatInterval, reconnect, outboundFrames, frameBytes, chatroomCreateTimeout, chatroomPollInterval, clock, options);
  }

  /**
   * A copy with another way of watching chatroom creation.
   *
   * @param timeout how long to wait for the new group
   * @param pollInterval how often to read the list
   * @return the copy
   */
  public DeviceDriverConfig withChatroomCreation(Duration timeout, Duration pollInterval) {
    return new DeviceDriverConfig(callTimeout, heartbeatInterval, reconnect, maxOutboundFrames, maxFrameBytes, timeout, pollInterval, clock, options);
  }

  /**
   * A copy with other driver options.
   *
   * @param value the options
   * @return the copy
   */
  public DeviceDriverConfig withOptions(Map<String, String> value) {
    return new DeviceDriverConfig(callTimeout, heartbeatInterval, reconnect, maxOutboundFrames, maxFrameBytes, chatroomCreateTimeout, chatroomPollInterval, clock, value);
  }

  /**
   * A driver option.
   *
   * @param name the option's name
   * @return its value, if set
   */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * The settings as text, with the value of every option whose name mentions a password, secret or
   * token masked, so that logging a config never prints a credential.
   */
  @Override
  public String toString() {
    java.util.Map<String, String> shown = new java.util.TreeMap<>();
    options.forEach((name, value) -> shown.put(name, isSecret(name) ? "***" : value));
    return "DeviceDriverConfig[callTimeout=" + callTimeout + ", heartbeatInterval=" + heartbeatInterval
        + ", reconnect=" + reconnect + ", maxOutboundFrames=" + maxOutboundFrames + ", maxFrameBytes=" + maxFrameBytes
        + ", chatroomCreateTimeout=" + chatroomCreateTimeout + ", chatroomPollInterval=" + chatroomPollInterval
        + ", options=" + shown + "]";
  }

  private static boolean isSecret(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("password") || lower.contains("secret") || lower.contains("token");
  }
}

package io.cunkebao.device.ws.sim;

import java.time.Duration;

/**
 * How the simulator is set up. Start from {@link #defaults()}.
 *
 * @param seed the random seed: the same seed gives the same seats, accounts, friends, groups and
 *     moments
 * @param seats how many seats (1 to 100)
 * @param accountsPerSeat WeChat accounts per seat (1 to 100)
 * @param friendsPerAccount friends per account (2 to 10,000)
 * @param chatroomsPerAccount chatrooms per account at the start
 * @param momentsPerFriend moments per friend
 * @param resultDelay how long after the {@code Resp} the {@code Result} follows
 * @param chatroomAppearDelay how long after {@code CmdChatroomCreate} the group shows up in the list
 * @param riskWindow the sliding window of risk control
 * @param riskMaxActions actions allowed per account in the window
 * @param restrictAfterViolations refusals after which an account is restricted
 */
public record SimulatorOptions(
    long seed,
    int seats,
    int accountsPerSeat,
    int friendsPerAccount,
    int chatroomsPerAccount,
    int momentsPerFriend,
    Duration resultDelay,
    Duration chatroomAppearDelay,
    Duration riskWindow,
    int riskMaxActions,
    int restrictAfterViolations) {

  /** Checks the values. */
  public SimulatorOptions {
    range(seats, 1, 100, "seats");
    range(accountsPerSeat, 1, 100, "accountsPerSeat");
    range(friendsPerAccount, 2, 10_000, "friendsPerAccount");
    range(chatroomsPerAccount, 0, 1_000, "chatroomsPerAccount");
    range(momentsPerFriend, 0, 100, "momentsPerFriend");
    range(riskMaxActions, 1, 1_000_000, "riskMaxActions");
    range(restrictAfterViolations, 1, 1_000_000, "restrictAfterViolations");
    if (resultDelay.isNegative() || chatroomAppearDelay.isNegative() || riskWindow.isNegative() || riskWindow.isZero()) {
      throw new IllegalArgumentException("delays must not be negative and riskWindow must be positive");
    }
  }

  /**
   * Seed 42, 2 seats with 2 accounts each, 20 friends, 3 chatrooms and 3 moments per friend;
   * Results 50 ms after the Resp; new groups listed after 2 s; at most 30 actions per account per
   * minute, restricted after 3 refusals.
   *
   * @return the options
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(42, 2, 2, 20, 3, 3, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMinutes(1), 30, 3);
  }

  /**
   * A copy with another seed.
   *
   * @param value the seed
   * @return the copy
   */
  public SimulatorOptions withSeed(long value) {
    return new SimulatorOptions(value, seats, accountsPerSeat, friendsPerAccount, chatroomsPerAccount, momentsPerFriend, resultDelay,
        chatroomAppearDelay, riskWindow, riskMaxActions, restrictAfterViolations);
  }

  /**
   * A copy with other delays.
   *
   * @param result Resp to Result
   * @param chatroomAppear create to listed
   * @return the copy
   */
  public SimulatorOptions withDelays(Duration result, Duration chatroomAppear) {
    return new SimulatorOptions(seed, seats, accountsPerSeat, friendsPerAccount, chatroomsPerAccount, momentsPerFriend, result,
        chatroomAppear, riskWindow, riskMaxActions, restrictAfterViolations);
  }

  /**
   * A copy with other risk-control limits.
   *
   * @param window the sliding window
   * @param maxActions actions allowed in it
   * @param restrictAfter refusals before restriction
   * @return the copy
   */
  public SimulatorOptions withRisk(Duration window, int maxActions, int restrictAfter) {
    return new SimulatorOptions(seed, seats, accountsPerSeat, friendsPerAccount, chatroomsPerAccount, momentsPerFriend, resultDelay,
        chatroomAppearDelay, window, maxActions, restrictAfter);
  }

  private static void range(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + " to " + max + " but was " + value);
    }
  }
}

package io.cunkebao.device.ws.sim;

/**
 * WeChat's risk control as the simulator plays it: at most {@code maxActions} actions per account
 * in a sliding window; an action beyond that is refused as "too frequent", and an account refused
 * {@code restrictAfter} times is restricted for good (the cloud then sends system message 10000
 * "你的账号被限制" and refuses its sends).
 */
final class RiskControl {
  static final String TOO_FREQUENT = "操作过于频繁，请稍后再试";
  static final String MOMENTS_TOO_FREQUENT = "朋友圈太频繁了";
  static final String RESTRICTED = "你的账号被限制";

  enum Verdict { OK, TOO_FREQUENT, RESTRICTED, NEWLY_RESTRICTED }

  private final long windowNanos;
  private final int maxActions;
  private final int restrictAfter;

  RiskControl(SimulatorOptions options) {
    this.windowNanos = options.riskWindow().toNanos();
    this.maxActions = options.riskMaxActions();
    this.restrictAfter = options.restrictAfterViolations();
  }

  Verdict check(SimModel.Account account) {
    if (account.restricted) {
      return Verdict.RESTRICTED;
    }
    long now = System.nanoTime();
    while (!account.recentActions.isEmpty() && now - account.recentActions.peekFirst() > windowNanos) {
      account.recentActions.pollFirst();
    }
    if (account.recentActions.size() < maxActions) {
      account.recentActions.addLast(now);
      return Verdict.OK;
    }
    account.violations++;
    if (account.violations >= restrictAfter) {
      account.restricted = true;
      return Verdict.NEWLY_RESTRICTED;
    }
    return Verdict.TOO_FREQUENT;
  }
}

package io.cunkebao.api;

/** What a schedule does about firings missed while no engine was running. */
public enum MisfirePolicy {
  /** Fire once for the whole missed window, at start-up (the default); never a burst. */
  FIRE_ONCE,
  /** Skip the missed firings and wait for the next one. */
  SKIP
}

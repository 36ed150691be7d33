package io.cunkebao.api.device;

/** Where a seat's session stands. */
public enum SessionState {
  /** Connecting and signing in for the first time; calls wait for the sign-in. */
  CONNECTING,
  /** Signed in: calls are sent at once. */
  SIGNED_IN,
  /** The connection was lost; the driver reconnects and signs in again; calls wait. */
  RECONNECTING,
  /** Another sign-in for the same seat took the session over; the driver does not reconnect. */
  KICKED,
  /** Closed by its owner; calls fail. */
  CLOSED
}

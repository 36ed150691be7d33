package io.cunkebao.api.device;

import java.util.Objects;

/**
 * What a driver needs to sign a seat in: the seat and the cloud login that gets its token.
 *
 * <p>{@link #toString()} never shows the password, so credentials may appear in log lines.
 *
 * @param seat the seat
 * @param username the cloud login name; not blank
 * @param password the cloud password; not blank
 */
public record SeatCredentials(SeatId seat, String username, String password) {

  /** Checks the parts. */
  public SeatCredentials {
    Objects.requireNonNull(seat, "seat");
    Ids.text(username, "username", 128);
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
  }

  /** @return the seat and user name, with the password masked */
  @Override
  public String toString() {
    return "SeatCredentials[seat=" + seat + ", username=" + username + ", password=***]";
  }
}

package io.cunkebao.device.ws.sim;

import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import java.util.List;

/**
 * A simulated seat and its login.
 *
 * @param seatId the seat's account id
 * @param username its login
 * @param password its password
 * @param wechatAccountIds the WeChat accounts it speaks for
 */
public record SimSeat(String seatId, String username, String password, List<Long> wechatAccountIds) {
  /** Copies the list. */
  public SimSeat {
    wechatAccountIds = List.copyOf(wechatAccountIds);
  }

  /** @return credentials a driver signs this seat in with */
  public SeatCredentials credentials() {
    return new SeatCredentials(SeatId.of(seatId), username, password);
  }

  @Override
  public String toString() {
    return "SimSeat[" + seatId + ", " + username + ", accounts=" + wechatAccountIds + "]";
  }
}

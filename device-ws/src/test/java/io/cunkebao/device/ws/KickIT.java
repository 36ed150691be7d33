package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceEventAttributes;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Session lifecycle: kicks by another sign-in, refused sign-ins, closing. */
class KickIT extends SimulatorFixture {

  @Test
  void reportsAKickAndStaysDown() throws Exception {
    start();
    DeviceSession session = open(0);
    String seatId = seat(0).seatId();
    long account = account(0, 0);
    sim.faults().dropResponses("CmdRequestWechatAccountsAliveStatus", 1);
    CompletableFuture<?> inFlight = session.aliveStatus(List.of(account));

    sim.triggers().kick(seatId);

    await().atMost(Duration.ofSeconds(5)).until(() -> session.state() == SessionState.KICKED);
    Event kicked = events.ofType(EventTypes.SESSION_KICKED).get(0);
    assertThat(kicked.attributes()).containsEntry(DeviceEventAttributes.SEAT, seatId).containsEntry(DeviceEventAttributes.REASON, "Kicked out");
    assertThat(inFlight).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(ConnectionLostException.class).withMessageContaining("kicked out");
    assertThatThrownBy(() -> session.aliveStatus(List.of(account)).get(2, TimeUnit.SECONDS))
        .cause().isInstanceOf(ConnectionLostException.class);
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !sim.view().signedInSeats().contains(seatId));
    assertThat(driver.session(seat(0).credentials().seat())).isEmpty();
  }

  @Test
  void aSecondSignInElsewhereKicksTheFirst() throws Exception {
    start();
    DeviceSession first = open(0);
    RecordingPublisher otherEvents = new RecordingPublisher();
    try (WsDeviceDriver other = new WsDeviceDriver(sim.driverUri(), config(), otherEvents)) {
      DeviceSession second = other.openSession(seat(0).credentials()).get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> first.state() == SessionState.KICKED);
      assertThat(events.ofType(EventTypes.SESSION_KICKED)).hasSize(1);
      assertThat(second.aliveStatus(List.of(account(0, 0))).get(5, TimeUnit.SECONDS)).containsEntry(account(0, 0), true);
      assertThat(otherEvents.ofType(EventTypes.SESSION_KICKED)).isEmpty();
    }
  }

  @Test
  void failsToOpenWithAWrongPassword() {
    start();
    SeatCredentials wrong = new SeatCredentials(seat(0).credentials().seat(), seat(0).username(), "wrong");
    assertThatThrownBy(() -> driver.openSession(wrong).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOf(CommandRejectedException.class).hasMessageContaining("401").hasMessageNotContaining("wrong");
    assertThat(driver.session(wrong.seat())).isEmpty();
  }

  @Test
  void closingFailsCallsInFlightAndIsIdempotent() throws Exception {
    start();
    DeviceSession session = open(0);
    sim.faults().dropResponses("CmdRequestWechatAccountsAliveStatus", 1);
    CompletableFuture<?> inFlight = session.aliveStatus(List.of(account(0, 0)));
    session.close();
    session.close();
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(inFlight).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(ConnectionLostException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.view().signedInSeats().isEmpty());
  }

  @Test
  void opensSeveralSeatsOnOneDriver() throws Exception {
    start();
    DeviceSession a = open(0);
    DeviceSession b = open(1);
    assertThat(driver.openSession(seat(0).credentials()).get(5, TimeUnit.SECONDS)).isSameAs(a);
    assertThat(sim.view().signedInSeats()).containsExactlyInAnyOrder(seat(0).seatId(), seat(1).seatId());
    assertThat(b.aliveStatus(List.of(account(1, 0))).get(5, TimeUnit.SECONDS)).containsEntry(account(1, 0), true);
  }
}

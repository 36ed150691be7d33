package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server drops the connection: the session reconnects and signs in again, and no call hangs or is sent twice. */
class ReconnectIT extends SimulatorFixture {
  DeviceSession session;
  long account;
  String seatId;

  @BeforeEach
  void open() throws Exception {
    start();
    session = open(0);
    account = account(0, 0);
    seatId = seat(0).seatId();
  }

  @Test
  void reconnectsAndSignsInAgainAfterADroppedConnection() throws Exception {
    sim.triggers().dropConnection(seatId);
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.view().signedInSeats().contains(seatId) && session.state() == SessionState.SIGNED_IN);
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }

  @Test
  void retriesReadOnlyCallsInFlightAndFailsStateChangingOnes() throws Exception {
    long friend = sim.view().friendIds(account).get(0);
    sim.faults().dropResponses("CmdRequestWechatAccountsAliveStatus", 1).dropResponses("CmdModifyFriendRemark", 1);
    CompletableFuture<Map<Long, Boolean>> read = session.aliveStatus(List.of(account));
    CompletableFuture<Void> write = session.contacts().setRemark(account, friend, "once");
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.record().ofKind("remark").size() == 1);

    sim.triggers().dropConnection(seatId);

    assertThat(read.get(5, TimeUnit.SECONDS)).containsEntry(account, true);
    assertThat(write).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOf(ConnectionLostException.class).withMessageContaining("not sent again");
    assertThat(sim.record().ofKind("remark")).hasSize(1);
  }

  @Test
  void callsMadeWhileReconnectingWaitForTheNewConnection() throws Exception {
    sim.faults().readDelay(Duration.ofMillis(500));
    sim.triggers().dropConnection(seatId);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> session.state() == SessionState.RECONNECTING);
    CompletableFuture<Void> write = session.contacts().setLabels(account, sim.view().friendIds(account).get(0), List.of("VIP"));
    assertThat(write.isDone()).isFalse();
    write.get(5, TimeUnit.SECONDS);
    assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
    assertThat(sim.record().ofKind("label")).hasSize(1);
  }

  @Test
  void survivesRepeatedDrops() throws Exception {
    for (int i = 0; i < 5; i++) {
      sim.triggers().dropConnection(seatId);
      await().atMost(Duration.ofSeconds(5)).until(() -> sim.view().signedInSeats().contains(seatId) && session.state() == SessionState.SIGNED_IN);
      session.messages().sendText(account, sim.view().friendIds(account).get(i), "after drop " + i).get(5, TimeUnit.SECONDS);
    }
    assertThat(sim.record().ofKind("message")).hasSize(5);
  }

  @Test
  void detectsASilentConnectionByHeartbeatAndReconnects() throws Exception {
    driver.close();
    sim.close();
    start(options(), config().withHeartbeatInterval(Duration.ofMillis(150)).withCallTimeout(Duration.ofSeconds(1)));
    DeviceSession quiet = open(0);
    sim.faults().stall(true);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> quiet.state() == SessionState.RECONNECTING);
    sim.faults().stall(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> quiet.state() == SessionState.SIGNED_IN);
    assertThat(quiet.aliveStatus(List.of(account(0, 0))).get(5, TimeUnit.SECONDS)).containsEntry(account(0, 0), true);
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.DeviceTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every call has a timeout, and a timed-out call leaves the session working. */
class TimeoutIT extends SimulatorFixture {

  @Test
  void timesOutACallWhoseAnswerIsLost() throws Exception {
    start(options(), config().withCallTimeout(Duration.ofMillis(400)));
    DeviceSession session = open(0);
    long account = account(0, 0);
    sim.faults().dropResponses("CmdModifyFriendLabel", 1);
    long started = System.nanoTime();
    assertThatThrownBy(() -> session.contacts().setLabels(account, sim.view().friendIds(account).get(0), List.of("x")).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(DeviceTimeoutException.class, e -> {
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(400));
          assertThat(e.command()).isEqualTo("CmdModifyFriendLabel");
        });
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(350L, 3_000L);
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }

  @Test
  void timesOutWhenTheSlowCloudAnswersTooLate() throws Exception {
    start(options(), config().withCallTimeout(Duration.ofMillis(300)));
    DeviceSession session = open(0);
    long account = account(0, 0);
    sim.faults().latency(Duration.ofMillis(800), Duration.ZERO);
    assertThatThrownBy(() -> session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DeviceTimeoutException.class);
    sim.faults().clear();
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }

  @Test
  void timesOutAChatroomThatNeverShowsUp() throws Exception {
    start(options().withDelays(FAST_RESULT, Duration.ofSeconds(30)), config().withChatroomCreation(Duration.ofMillis(500), Duration.ofMillis(100)));
    DeviceSession session = open(0);
    long account = account(0, 0);
    assertThatThrownBy(() -> session.chatrooms().create(account, "慢群", sim.view().friendIds(account).subList(0, 2)).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOf(DeviceTimeoutException.class).hasMessageContaining("CmdChatroomCreate");
    assertThat(sim.record().ofKind("chatroom-create")).hasSize(1);
  }

  @Test
  void slowReadsDelayButDoNotBreakCalls() throws Exception {
    start();
    DeviceSession session = open(0);
    long account = account(0, 0);
    sim.faults().readDelay(Duration.ofMillis(200));
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }
}

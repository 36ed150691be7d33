package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.SessionState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Malformed frames from the server are logged and dropped; the session carries on. */
class MalformedFramesIT extends SimulatorFixture {

  @Test
  void dropsBadFramesWithoutKillingTheSession() throws Exception {
    start(options(), config().withLimits(10_000, 4_096));
    DeviceSession session = open(0);
    String seatId = seat(0).seatId();
    long account = account(0, 0);
    List<String> bad = List.of(
        "not json {",
        "[1,2,3]",
        "\"just a string\"",
        "{\"seq\":1}",
        "{\"cmdType\":42,\"seq\":1}",
        "{\"cmdType\":\"CmdBogusPush\",\"seq\":5}",
        "{\"cmdType\":\"CmdSendMessageResp\",\"code\":0}",
        "{\"cmdType\":\"CmdSendMessageResp\",\"seq\":\"abc\"}",
        "{\"cmdType\":\"CmdSendMessageResp\",\"seq\":999999}",
        "{\"cmdType\":\"CmdSendMessageResult\",\"friendMessageId\":123}",
        "{\"cmdType\":\"CmdNewMessage\",\"friendMessage\":" + "[".repeat(100) + "]".repeat(100) + "}",
        "{\"cmdType\":\"CmdNewMessage\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
    bad.forEach(frame -> sim.triggers().rawFrame(seatId, frame));

    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
    assertThat(session.messages().sendText(account, sim.view().friendIds(account).get(0), "still here").get(5, TimeUnit.SECONDS).messageId()).isPositive();
    assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
    assertThat(events.all()).isEmpty();
  }

  @Test
  void refusesToSendAFrameOverTheLimit() throws Exception {
    start(options(), config().withLimits(10_000, 4_096));
    DeviceSession session = open(0);
    long account = account(0, 0);
    assertThat(session.messages().sendText(account, sim.view().friendIds(account).get(0), "长".repeat(5_000)))
        .failsWithin(java.time.Duration.ofSeconds(2)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOf(IllegalArgumentException.class).withMessageContaining("over the limit of 4096");
    assertThat(sim.record().all()).isEmpty();
  }
}

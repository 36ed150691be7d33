package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.DeviceTimeoutException;
import io.cunkebao.api.device.MessageContent;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.SentMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retry after a lost acknowledgement: with a client message id the cloud answers with the first
 * outcome and the phone sends once; without one it sends twice (why the id exists).
 */
class DedupeIT extends SimulatorFixture {
  DeviceSession session;
  long account;
  long friend;

  @BeforeEach
  void open() throws Exception {
    start(options(), config().withCallTimeout(Duration.ofMillis(500)));
    session = open(0);
    account = account(0, 0);
    friend = sim.view().friendIds(account).get(0);
  }

  @Test
  void aRetryWithTheSameClientMessageIdIsNotSentTwice() throws Exception {
    OutgoingMessage message = OutgoingMessage.toFriend(account, friend, new MessageContent.Text("只发一次")).withClientMessageId("task-7:friend-1");
    sim.faults().dropResponses("CmdSendMessage", 1);
    assertThatThrownBy(() -> session.messages().send(message).get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DeviceTimeoutException.class);

    SentMessage retried = session.messages().send(message).get(5, TimeUnit.SECONDS);

    assertThat(sim.record().ofKind("message")).hasSize(1);
    assertThat(sim.record().duplicatesSuppressed()).isEqualTo(1);
    assertThat(retried.messageId()).isPositive();
    assertThat(session.messages().send(message).get(5, TimeUnit.SECONDS).messageId()).isEqualTo(retried.messageId());
  }

  @Test
  void withoutAClientMessageIdARetrySendsAgain() throws Exception {
    OutgoingMessage message = OutgoingMessage.toFriend(account, friend, new MessageContent.Text("两次"));
    sim.faults().dropResponses("CmdSendMessage", 1);
    assertThatThrownBy(() -> session.messages().send(message).get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DeviceTimeoutException.class);
    session.messages().send(message).get(5, TimeUnit.SECONDS);
    assertThat(sim.record().ofKind("message")).hasSize(2);
  }
}

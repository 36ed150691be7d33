package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.device.FriendRequest;
import io.cunkebao.api.device.MessageContent;
import io.cunkebao.api.device.MomentQuery;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.RawCommand;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.spi.DeviceDriverConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input to the device api gets errors that name the field (the api module has no tests of its own yet). */
class DeviceApiValidationTest {
  static final MessageContent TEXT = new MessageContent.Text("hi");

  @Test
  void messagesNeedExactlyOneTarget() {
    assertThatThrownBy(() -> new OutgoingMessage(1, 2, 3, TEXT, List.of(), null)).hasMessageContaining("exactly one of friendId and chatroomId");
    assertThatThrownBy(() -> new OutgoingMessage(1, 0, 0, TEXT, List.of(), null)).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new OutgoingMessage(0, 2, 0, TEXT, List.of(), null)).hasMessageContaining("wechatAccountId");
    assertThatThrownBy(() -> OutgoingMessage.toFriend(1, 2, TEXT).withClientMessageId(" ")).hasMessageContaining("clientMessageId");
  }

  @Test
  void mentionsGoWithChatroomTextOnly() {
    assertThatThrownBy(() -> new OutgoingMessage(1, 2, 0, TEXT, List.of("wxid_a"), null)).hasMessageContaining("mentions");
    assertThatThrownBy(() -> OutgoingMessage.toChatroom(1, 2, new MessageContent.Image("u"), List.of("wxid_a"))).hasMessageContaining("mentions");
    assertThat(OutgoingMessage.toChatroom(1, 2, TEXT, List.of("wxid_a")).mentions()).containsExactly("wxid_a");
  }

  @Test
  void contentAndRequestsAreChecked() {
    assertThatThrownBy(() -> new MessageContent.Text(" ")).hasMessageContaining("text must not be blank");
    assertThatThrownBy(() -> new FriendRequest(1, "13800000000", "wxid", "")).hasMessageContaining("exactly one of phone and wechatId");
    assertThatThrownBy(() -> FriendRequest.byPhone(1, "abc", "")).hasMessageContaining("phone must be 5 to 20 digits");
    assertThatThrownBy(() -> new MomentQuery(1, 0, 0, null)).hasMessageContaining("count must be 1 to 50");
    assertThatThrownBy(() -> new RawCommand("Bogus", Map.of(), true, false)).hasMessageContaining("cmdType must match");
    assertThatThrownBy(() -> new RawCommand("CmdX", Map.of("seq", 1), true, false)).hasMessageContaining("cmdType or seq");
  }

  @Test
  void seatsAndCredentials() {
    assertThat(SeatId.of("1001").resourceKey().toString()).isEqualTo("seat:1001");
    assertThatThrownBy(() -> SeatId.of("a b")).hasMessageContaining("seat id");
    assertThat(new SeatCredentials(SeatId.of("1"), "kefu", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void configChecksItsValues() {
    assertThatThrownBy(() -> DeviceDriverConfig.defaults().withCallTimeout(Duration.ZERO)).hasMessageContaining("callTimeout must be positive");
    assertThatThrownBy(() -> DeviceDriverConfig.defaults().withLimits(0, 4096)).hasMessageContaining("maxOutboundFrames");
    assertThatThrownBy(() -> DeviceDriverConfig.defaults().withLimits(1, 10)).hasMessageContaining("maxFrameBytes");
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {
  private final FrameCodec codec = new FrameCodec("1001", 4_096);

  @Test
  void encodesFlatFramesWithTypeAndSeqFirst() {
    String text = codec.encode("CmdSendMessage", 7, Json.object().put("content", "你好").put("wechatAccountId", 5));
    assertThat(text).isEqualTo("{\"cmdType\":\"CmdSendMessage\",\"seq\":7,\"content\":\"你好\",\"wechatAccountId\":5}");
  }

  @Test
  void refusesToEncodeAFrameOverTheLimit() {
    assertThatThrownBy(() -> codec.encode("CmdSendMessage", 1, Json.object().put("content", "x".repeat(5_000))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CmdSendMessage").hasMessageContaining("4096");
  }

  @Test
  void decodesRespResultAndPush() {
    assertThat(codec.decode("{\"cmdType\":\"CmdSignInResp\",\"seq\":3}")).hasValueSatisfying(f -> {
      assertThat(f.isResp()).isTrue();
      assertThat(f.seq()).hasValue(3);
    });
    assertThat(codec.decode("{\"cmdType\":\"CmdSendMessageResult\",\"friendMessageId\":9}")).hasValueSatisfying(f -> {
      assertThat(f.isResult()).isTrue();
      assertThat(f.seq()).isEmpty();
    });
    assertThat(codec.decode("{\"cmdType\":\"CmdNewMessage\"}")).isPresent();
    assertThat(codec.decode("{\"cmdType\":\"CmdSignInResp\",\"seq\":\"12\"}")).hasValueSatisfying(f -> assertThat(f.seq()).hasValue(12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1]", "42", "null", "{\"seq\":1}", "{\"cmdType\":1}", "{\"cmdType\":\"\"}",
      "{\"cmdType\":\"CmdXResp\"}", "{\"cmdType\":\"CmdXResp\",\"seq\":\"abc\"}", "{\"cmdType\":\"CmdXResp\",\"seq\":1.5}"})
  void dropsMalformedFrames(String text) {
    assertThat(codec.decode(text)).isEmpty();
  }

  @Test
  void dropsFramesNestedTooDeeply() {
    assertThat(codec.decode("{\"cmdType\":\"CmdNewMessage\",\"a\":" + "[".repeat(200) + "]".repeat(200) + "}")).isEmpty();
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
  private final FrameAssembler frames = new FrameAssembler(10, new FrameCodec("1", 10));

  @Test
  void joinsPartsOfOneMessage() {
    assertThat(frames.append("abc", false)).isEmpty();
    assertThat(frames.append("def", true)).contains("abcdef");
    assertThat(frames.append("x", true)).contains("x");
  }

  @Test
  void skipsAnOversizedMessageAndRecovers() {
    assertThat(frames.append("123456", false)).isEmpty();
    assertThat(frames.append("789012", false)).isEmpty();
    assertThat(frames.append("more", true)).isEmpty();
    assertThat(frames.append("ok", true)).contains("ok");
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CloudUrisTest {

  @Test
  void readsTheRestBaseFromTheQuery() {
    URI uri = URI.create("wss://cloud.example:9993/?rest=https://cloud.example:9991/");
    assertThat(CloudUris.webSocket(uri)).isEqualTo(URI.create("wss://cloud.example:9993/"));
    assertThat(CloudUris.rest(uri)).isEqualTo(URI.create("https://cloud.example:9991/"));
    assertThat(CloudUris.rest(URI.create("ws://h:1/?rest=http://h:2/base"))).isEqualTo(URI.create("http://h:2/base/"));
  }

  @Test
  void defaultsTheRestBaseToTheSameHostOverHttp() {
    assertThat(CloudUris.rest(URI.create("wss://cloud.example:9993/"))).isEqualTo(URI.create("https://cloud.example:9993/"));
    assertThat(CloudUris.rest(URI.create("ws://cloud.example/"))).isEqualTo(URI.create("http://cloud.example/"));
  }

  @Test
  void namesWhatIsWrongWithoutEchoingTheQuery() {
    assertThatThrownBy(() -> CloudUris.webSocket(URI.create("http://h/?token=secret")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme must be ws or wss").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> CloudUris.rest(URI.create("ws://h/?rest=ftp://x/")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rest parameter");
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.cunkebao.api.device.AccountRestrictedException;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.DeviceOfflineException;
import io.cunkebao.api.device.RateLimitedException;
import org.junit.jupiter.api.Test;

class CloudErrorsTest {

  @Test
  void successfulAnswersCarryNoError() {
    assertThat(CloudErrors.of("CmdX", Json.object().put("code", 0), 1)).isEmpty();
    assertThat(CloudErrors.of("CmdX", Json.object(), 1)).isEmpty();
    assertThat(CloudErrors.of("CmdSendMessage", Json.object().put("sendStatus", 1), 1)).isEmpty();
  }

  @Test
  void tooFrequentIsRateLimitedEvenWithCodeZero() {
    assertThat(CloudErrors.of("CmdFetchMoment", Json.object().put("extra", "朋友圈太频繁了"), 1)).get()
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.text()).isEqualTo("朋友圈太频繁了"));
    assertThat(CloudErrors.of("CmdX", Json.object().put("code", 1001).put("message", "操作过于频繁，请稍后再试"), 1)).get()
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void restrictionTextsAreAccountRestricted() {
    assertThat(CloudErrors.of("CmdX", Json.object().put("code", 1002).put("message", "你的账号被限制"), 1)).get()
        .isInstanceOf(AccountRestrictedException.class);
    assertThat(CloudErrors.of("api/AddFriendByPhoneTask/add", Json.object().put("code", 2).put("extra", "当前账号存在安全风险"), 1)).get()
        .isInstanceOf(AccountRestrictedException.class);
  }

  @Test
  void offlineCodeIsDeviceOffline() {
    assertThat(CloudErrors.of("CmdX", Json.object().put("code", CloudErrors.OFFLINE), 77)).get()
        .isInstanceOfSatisfying(DeviceOfflineException.class, e -> assertThat(e.wechatAccountId()).isEqualTo(77));
  }

  @Test
  void otherCodesAndFailedSendsAreRejections() {
    assertThat(CloudErrors.of("CmdX", Json.object().put("code", 5).put("message", "bad"), 1)).get()
        .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
          assertThat(e.code()).isEqualTo(5);
          assertThat(e.reason()).isEqualTo("bad");
          assertThat(e.command()).isEqualTo("CmdX");
        });
    assertThat(CloudErrors.of("CmdSendMessage", Json.object().put("sendStatus", 2), 1)).get().isInstanceOf(CommandRejectedException.class);
  }

  @Test
  void httpFailuresKeepTheStatus() {
    assertThat(CloudErrors.ofHttp("api/x", 503, MissingNode.getInstance(), 0))
        .isInstanceOfSatisfying(CommandRejectedException.class, e -> assertThat(e.code()).isEqualTo(503));
    assertThat(CloudErrors.ofHttp("api/x", 429, Json.object().put("message", "操作过于频繁"), 0)).isInstanceOf(RateLimitedException.class);
  }
}

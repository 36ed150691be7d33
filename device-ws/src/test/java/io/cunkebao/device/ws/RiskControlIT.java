package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.EventTypes;
import io.cunkebao.api.device.AccountRestrictedException;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.DeviceEventAttributes;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.FriendRequest;
import io.cunkebao.api.device.MomentQuery;
import io.cunkebao.api.device.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cloud's risk control surfaces as typed errors and events. */
class RiskControlIT extends SimulatorFixture {
  DeviceSession session;
  long account;
  List<Long> friends;

  @BeforeEach
  void open() throws Exception {
    start(options().withRisk(Duration.ofMinutes(1), 3, 2), config());
    session = open(0);
    account = account(0, 0);
    friends = sim.view().friendIds(account);
  }

  static Throwable failure(CompletableFuture<?> f) {
    return f.handle((ok, e) -> e.getCause()).orTimeout(5, TimeUnit.SECONDS).join();
  }

  @Test
  void tooFrequentThenRestricted() throws Exception {
    for (int i = 0; i < 3; i++) {
      session.messages().sendText(account, friends.get(i), "ok " + i).get(5, TimeUnit.SECONDS);
    }
    assertThat(failure(session.messages().sendText(account, friends.get(3), "4th")))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.text()).isEqualTo("操作过于频繁，请稍后再试"));
    assertThat(failure(session.messages().sendText(account, friends.get(3), "5th")))
        .isInstanceOfSatisfying(AccountRestrictedException.class, e -> assertThat(e.text()).isEqualTo("你的账号被限制"));
    assertThat(failure(session.messages().sendText(account, friends.get(3), "6th"))).isInstanceOf(AccountRestrictedException.class);

    await().atMost(Duration.ofSeconds(5)).until(() -> !events.ofType(EventTypes.ACCOUNT_RESTRICTED).isEmpty());
    assertThat(events.ofType(EventTypes.ACCOUNT_RESTRICTED).get(0).attributes())
        .containsEntry(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account).containsEntry(DeviceEventAttributes.MSG_TYPE, 10000);
    assertThat(sim.view().restricted(account)).isTrue();
    assertThat(sim.record().ofKind("message")).hasSize(3);
  }

  @Test
  void momentsTooFrequent() throws Exception {
    String sns = sim.view().snsIds(account, friends.get(0)).get(0);
    for (int i = 0; i < 3; i++) {
      session.moments().like(account, friends.get(0), sns).get(5, TimeUnit.SECONDS);
    }
    assertThat(failure(session.moments().like(account, friends.get(0), sns)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.text()).isEqualTo("朋友圈太频繁了"));
  }

  @Test
  void fetchingMomentsTooOftenGetsTheRateLimitInTheResult() throws Exception {
    for (int i = 0; i < 3; i++) {
      session.moments().fetch(MomentQuery.firstPage(account, 0)).get(5, TimeUnit.SECONDS);
    }
    assertThat(failure(session.moments().fetch(MomentQuery.firstPage(account, 0))))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.command()).isEqualTo("CmdFetchMoment"));
  }

  @Test
  void friendRequestsByPhoneOverRest() throws Exception {
    for (int i = 0; i < 3; i++) {
      session.contacts().requestFriend(FriendRequest.byPhone(account, "1380000000" + i, "hi")).get(5, TimeUnit.SECONDS);
    }
    assertThat(failure(session.contacts().requestFriend(FriendRequest.byPhone(account, "13800000009", "hi"))))
        .isInstanceOf(RateLimitedException.class).hasMessageContaining("api/AddFriendByPhoneTask/add");
    assertThat(failure(session.contacts().requestFriend(FriendRequest.byPhone(account, "13800000009", "hi"))))
        .isInstanceOfSatisfying(AccountRestrictedException.class, e -> assertThat(e.text()).isEqualTo("当前账号存在安全风险"));
  }

  @Test
  void otherErrorCodesAreRejectionsWithCodeAndMessage() {
    sim.faults().failNext("CmdChatroomInvite", 2001, "群已满", 1);
    assertThat(failure(session.chatrooms().invite(account, sim.view().chatroomIds(account).get(0), List.of(friends.get(0)))))
        .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
          assertThat(e.code()).isEqualTo(2001);
          assertThat(e.reason()).isEqualTo("群已满");
        });
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.EventTypes;
import io.cunkebao.api.device.DeviceEventAttributes;
import io.cunkebao.api.device.DeviceSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cloud's pushes reach the EventPublisher with the engine's event types and stable ids. */
class PushEventsIT extends SimulatorFixture {

  Event awaitOne(String type) {
    await().atMost(Duration.ofSeconds(5)).until(() -> !events.ofType(type).isEmpty());
    return events.ofType(type).get(0);
  }

  @Test
  void turnsPushesIntoEvents() throws Exception {
    start();
    open(0);
    long account = account(0, 0);
    long friend = sim.view().friendIds(account).get(0);
    long room = sim.view().chatroomIds(account).get(0);

    long messageId = sim.triggers().friendMessage(account, friend, "在吗");
    Event message = awaitOne(EventTypes.MESSAGE_RECEIVED);
    assertThat(message.id()).isEqualTo("msg:f" + messageId);
    assertThat(message.attributes()).containsEntry(DeviceEventAttributes.SEAT, seat(0).seatId())
        .containsEntry(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account).containsEntry(DeviceEventAttributes.FRIEND_ID, friend)
        .containsEntry(DeviceEventAttributes.CONTENT, "在吗").containsEntry(DeviceEventAttributes.MSG_TYPE, 1);

    long roomMessage = sim.triggers().chatroomMessage(account, room, "wxid_talker", "群消息");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.ofType(EventTypes.MESSAGE_RECEIVED).size() == 2);
    assertThat(events.ofType(EventTypes.MESSAGE_RECEIVED).get(1).id()).isEqualTo("msg:c" + roomMessage);
    assertThat(events.ofType(EventTypes.MESSAGE_RECEIVED).get(1).attributes())
        .containsEntry(DeviceEventAttributes.CHATROOM_ID, room).containsEntry(DeviceEventAttributes.WECHAT_ID, "wxid_talker");

    long newFriend = sim.triggers().friendPassed(account, "wxid_passed");
    assertThat(awaitOne(EventTypes.FRIEND_ADDED).attributes()).containsEntry(DeviceEventAttributes.FRIEND_ID, newFriend)
        .containsEntry(DeviceEventAttributes.WECHAT_ID, "wxid_passed");
    sim.triggers().friendDeleted(account, friend);
    assertThat(awaitOne(EventTypes.FRIEND_DELETED).attributes()).containsEntry(DeviceEventAttributes.FRIEND_ID, friend);
    sim.triggers().memberJoined(account, room, "wxid_joiner");
    assertThat(awaitOne(EventTypes.MEMBER_JOINED).attributes()).containsEntry(DeviceEventAttributes.CHATROOM_ID, room)
        .containsEntry(DeviceEventAttributes.WECHAT_ID, "wxid_joiner");
    sim.triggers().deviceOnline(account, false);
    assertThat(awaitOne(EventTypes.DEVICE_OFFLINE).attributes()).containsEntry(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account);
    sim.triggers().deviceOnline(account, true);
    assertThat(awaitOne(EventTypes.DEVICE_ONLINE).attributes()).containsEntry(DeviceEventAttributes.WECHAT_ACCOUNT_ID, account);
    sim.triggers().restrict(account);
    assertThat(awaitOne(EventTypes.ACCOUNT_RESTRICTED).attributes()).containsEntry(DeviceEventAttributes.CONTENT, "你的账号被限制");
  }

  @Test
  void invitesAndAcceptedRequestsArePushedToo() throws Exception {
    start();
    DeviceSession session = open(0);
    long account = account(0, 0);
    List<Long> friends = sim.view().friendIds(account);
    long room = sim.view().chatroomIds(account).get(0);
    long outsider = friends.stream().filter(f -> !sim.view().members(account, room).containsKey(sim.view().friendWechatId(account, f)))
        .findFirst().orElseThrow();
    session.chatrooms().invite(account, room, List.of(outsider)).get(5, TimeUnit.SECONDS);
    assertThat(awaitOne(EventTypes.MEMBER_JOINED).attributes()).containsEntry(DeviceEventAttributes.WECHAT_ID, sim.view().friendWechatId(account, outsider));
    session.contacts().acceptFriendRequest(account, "wxid_asker").get(5, TimeUnit.SECONDS);
    assertThat(awaitOne(EventTypes.FRIEND_ADDED).attributes()).containsEntry(DeviceEventAttributes.WECHAT_ID, "wxid_asker");
  }

  @Test
  void aFailingPublisherDropsThePushButNotTheSession() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EventPublisher failing = e -> {
      calls.incrementAndGet();
      throw new IllegalStateException("queue down");
    };
    sim = io.cunkebao.device.ws.sim.DeviceCloudSimulator.start(options());
    driver = new WsDeviceDriver(sim.driverUri(), config(), failing);
    DeviceSession session = open(0);
    long account = account(0, 0);
    sim.triggers().friendMessage(account, sim.view().friendIds(account).get(0), "x");
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }
}

package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.device.Chatroom;
import io.cunkebao.api.device.ChatroomMember;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.Contact;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.Friend;
import io.cunkebao.api.device.FriendRequest;
import io.cunkebao.api.device.MessageContent;
import io.cunkebao.api.device.MomentPage;
import io.cunkebao.api.device.MomentPost;
import io.cunkebao.api.device.MomentQuery;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.RawCommand;
import io.cunkebao.api.device.RawReply;
import io.cunkebao.api.device.SentMessage;
import io.cunkebao.api.device.SessionState;
import io.cunkebao.device.ws.sim.PhoneAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every typed operation against the simulator over loopback, asserting the phone's record. */
class TypedOperationsIT extends SimulatorFixture {
  DeviceSession session;
  long account;
  List<Long> friends;

  @BeforeEach
  void open() throws Exception {
    start();
    session = open(0);
    account = account(0, 0);
    friends = sim.view().friendIds(account);
  }

  static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void signsInAndReportsState() {
    assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
    assertThat(driver.session(seat(0).credentials().seat())).containsSame(session);
    assertThat(sim.view().signedInSeats()).containsExactly(seat(0).seatId());
  }

  @Test
  void sendsEveryKindOfMessageToAFriend() throws Exception {
    long friend = friends.get(0);
    SentMessage text = get(session.messages().sendText(account, friend, "你好"));
    get(session.messages().send(OutgoingMessage.toFriend(account, friend, new MessageContent.Image("https://x.invalid/a.jpg"))));
    get(session.messages().send(OutgoingMessage.toFriend(account, friend, new MessageContent.Link("标题", "https://x.invalid", "d", null))));
    get(session.messages().send(OutgoingMessage.toFriend(account, friend, new MessageContent.Video("https://x.invalid/v.mp4"))));
    get(session.messages().send(OutgoingMessage.toFriend(account, friend, new MessageContent.File("https://x.invalid/f.pdf", "f.pdf"))));

    assertThat(text.messageId()).isPositive();
    assertThat(text.wechatAccountId()).isEqualTo(account);
    List<PhoneAction> sent = sim.record().ofKind("message");
    assertThat(sent).extracting(PhoneAction::target).containsOnly(friend);
    assertThat(sent).extracting(a -> a.detail().substring(0, a.detail().indexOf(':'))).containsExactly("1", "3", "49", "43", "49");
    assertThat(sent.get(0).detail()).isEqualTo("1:你好");
  }

  @Test
  void sendsToAChatroomWithMentions() throws Exception {
    long room = sim.view().chatroomIds(account).get(0);
    get(session.messages().sendToChatroom(account, room, "大家好", List.of("wxid_a", "wxid_b")));
    PhoneAction action = sim.record().ofKind("message").get(0);
    assertThat(action.target()).isEqualTo(room);
    assertThat(action.detail()).startsWith("90001:").contains("\"atId\":\"wxid_a,wxid_b\"").contains("大家好");
  }

  @Test
  void createsAChatroomAndCompletesWithItsIdOnceListed() throws Exception {
    List<Long> before = sim.view().chatroomIds(account);
    long id = get(session.chatrooms().create(account, "新群", friends.subList(0, 3)));
    assertThat(before).doesNotContain(id);
    assertThat(sim.view().chatroomIds(account)).contains(id);
    assertThat(sim.view().members(account, id)).hasSize(4);
    assertThat(sim.record().ofKind("chatroom-create")).hasSize(1);
  }

  @Test
  void invitesAndOperatesAChatroom() throws Exception {
    long room = sim.view().chatroomIds(account).get(0);
    long newcomer = friends.get(friends.size() - 1);
    String newcomerId = sim.view().friendWechatId(account, newcomer);
    get(session.chatrooms().invite(account, room, List.of(newcomer)));
    get(session.chatrooms().setAnnouncement(account, room, "公告"));
    get(session.chatrooms().rename(account, room, "改名"));
    get(session.chatrooms().addAdmins(account, room, List.of(newcomerId)));
    assertThat(sim.view().members(account, room)).containsEntry(newcomerId, true);
    get(session.chatrooms().removeAdmin(account, room, newcomerId));
    assertThat(sim.view().members(account, room)).containsEntry(newcomerId, false);
    get(session.chatrooms().removeMembers(account, room, List.of(newcomerId)));
    assertThat(sim.view().members(account, room)).doesNotContainKey(newcomerId);
    assertThat(sim.view().chatroomNameAndAnnouncement(account, room)).isEqualTo("改名|公告");
  }

  @Test
  void listsFriendsChatroomsAndMembers() throws Exception {
    List<Friend> listed = get(session.contacts().friends(account));
    assertThat(listed).extracting(Friend::id).containsExactlyElementsOf(friends);
    assertThat(listed.get(0).labels()).isNotEmpty();
    List<Chatroom> rooms = get(session.chatrooms().list(account));
    assertThat(rooms).extracting(Chatroom::id).containsExactlyElementsOf(sim.view().chatroomIds(account));
    List<ChatroomMember> members = get(session.chatrooms().members(account, rooms.get(0).id()));
    assertThat(members).extracting(ChatroomMember::wechatId).containsExactlyElementsOf(sim.view().members(account, rooms.get(0).id()).keySet());
  }

  @Test
  void likesCommentsFetchesAndDownloadsMoments() throws Exception {
    long friend = friends.get(1);
    MomentPage page = get(session.moments().fetch(new MomentQuery(account, friend, 2, null)));
    assertThat(page.moments()).extracting(m -> m.snsId()).containsExactlyElementsOf(sim.view().snsIds(account, friend).subList(0, 2));
    MomentPage next = get(session.moments().fetch(page.next().orElseThrow()));
    assertThat(next.moments()).extracting(m -> m.snsId()).containsExactly(sim.view().snsIds(account, friend).get(2));
    String sns = page.moments().get(0).snsId();
    get(session.moments().like(account, friend, sns));
    get(session.moments().comment(account, friend, sns, "赞"));
    assertThat(sim.record().ofKind("like")).extracting(PhoneAction::detail).containsExactly(sns);
    assertThat(sim.record().ofKind("comment")).extracting(PhoneAction::detail).containsExactly(sns + ":赞");
    List<String> urls = get(session.moments().downloadImages(account, sns, page.moments().get(0).imageUrls()));
    assertThat(urls).hasSize(1).allMatch(u -> u.contains("/downloaded/" + sns + "/"));
  }

  @Test
  void postsAMomentOverRest() throws Exception {
    String job = get(session.moments().post(new MomentPost(account, "新品上市", List.of("https://x.invalid/p.jpg"))));
    assertThat(job).isNotBlank();
    assertThat(sim.record().ofKind("moment-post")).extracting(PhoneAction::detail).containsExactly("新品上市");
  }

  @Test
  void changesLabelsAndRemarks() throws Exception {
    long friend = friends.get(2);
    get(session.contacts().setLabels(account, friend, List.of("VIP", "已成交")));
    get(session.contacts().setRemark(account, friend, "张三"));
    assertThat(sim.view().friendLabels(account, friend)).containsExactly("VIP", "已成交");
    assertThat(sim.view().friendRemark(account, friend)).isEqualTo("张三");
  }

  @Test
  void sendsFriendRequestsByPhoneAndWechatIdAndAcceptsOne() throws Exception {
    assertThat(get(session.contacts().requestFriend(FriendRequest.byPhone(account, "13800000000", "你好")))).isNotBlank();
    assertThat(get(session.contacts().requestFriend(FriendRequest.byWechatId(account, "wxid_target", "你好")))).startsWith("req-");
    get(session.contacts().acceptFriendRequest(account, "wxid_new"));
    assertThat(sim.record().ofKind("friend-request")).extracting(PhoneAction::detail).containsExactly("13800000000", "wxid_target");
    assertThat(sim.record().ofKind("accept-friend")).extracting(PhoneAction::detail).containsExactly("wxid_new");
    assertThat(get(session.contacts().friends(account))).extracting(Friend::wechatId).contains("wxid_new");
  }

  @Test
  void importsContacts() throws Exception {
    int n = get(session.contacts().importContacts(account, List.of(new Contact("甲", "13900000001"), new Contact("乙", "13900000002"))));
    assertThat(n).isEqualTo(2);
  }

  @Test
  void reportsAliveStatusAndOfflineDevices() throws Exception {
    long other = account(0, 1);
    sim.triggers().deviceOnline(other, false);
    Map<Long, Boolean> alive = get(session.aliveStatus(List.of(account, other)));
    assertThat(alive).containsEntry(account, true).containsEntry(other, false);
    assertThatThrownBy(() -> get(session.messages().sendText(other, sim.view().friendIds(other).get(0), "hi")))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(io.cunkebao.api.device.DeviceOfflineException.class);
  }

  @Test
  void makesRawCalls() throws Exception {
    RawReply reply = get(session.call(new RawCommand("CmdRequestWechatAccountsAliveStatus", Map.of("wechatAccountIds", List.of(account)), true, false)));
    assertThat(reply.cmdType()).isEqualTo("CmdRequestWechatAccountsAliveStatus" + "Resp");
    assertThat(reply.fields()).containsKey("wechatAccountsAliveStatus");
    assertThatThrownBy(() -> get(session.call(new RawCommand("CmdNoSuchThing", Map.of("wechatAccountId", account), true, false))))
        .cause().isInstanceOf(CommandRejectedException.class).hasMessageContaining("unknown cmdType CmdNoSuchThing");
  }

  @Test
  void refusesCommandsForAccountsOfOtherSeats() {
    long foreign = account(1, 0);
    assertThatThrownBy(() -> get(session.contacts().setRemark(foreign, 1, "x")))
        .cause().isInstanceOf(CommandRejectedException.class).hasMessageContaining("is not on seat");
  }
}

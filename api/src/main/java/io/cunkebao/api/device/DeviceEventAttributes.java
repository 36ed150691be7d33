package io.cunkebao.api.device;

/**
 * The attribute names device drivers use in the {@link io.cunkebao.api.Event}s they publish. Every
 * device event has {@link #SEAT}; most have {@link #WECHAT_ACCOUNT_ID}. Ids are published as
 * numbers, texts as strings.
 *
 * <p>Events by type: {@code MessageReceived} (account, friend or chatroom, sender, msgType,
 * content; event id {@code msg:<message id>}), {@code FriendAdded} and {@code FriendDeleted}
 * (account, friend, WeChat id), {@code MemberJoined} (account, chatroom, WeChat id), {@code
 * DeviceOnline} and {@code DeviceOffline} (account), {@code SessionKicked} (reason), {@code
 * AccountRestricted} (account, content).
 */
public final class DeviceEventAttributes {
  /** The seat whose session received the push. */
  public static final String SEAT = "seat";
  /** The WeChat account concerned. */
  public static final String WECHAT_ACCOUNT_ID = "wechatAccountId";
  /** The friend concerned. */
  public static final String FRIEND_ID = "wechatFriendId";
  /** The chatroom concerned. */
  public static final String CHATROOM_ID = "wechatChatroomId";
  /** A WeChat id: the new friend, the joining member, the sender in a chatroom. */
  public static final String WECHAT_ID = "wechatId";
  /** The message id at the cloud. */
  public static final String MESSAGE_ID = "messageId";
  /** The message type code (1 text, 3 image, 10000 system ...). */
  public static final String MSG_TYPE = "msgType";
  /** The message text or the system notice. */
  public static final String CONTENT = "content";
  /** Why a session ended. */
  public static final String REASON = "reason";

  private DeviceEventAttributes() {}
}

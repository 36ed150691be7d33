package io.cunkebao.api;

/** The event types of the original system and of devices. Users may publish types of their own. */
public final class EventTypes {
  /** A new friend was added to a WeChat account. */
  public static final String FRIEND_ADDED = "FriendAdded";
  /** A message arrived from a friend or a chatroom. */
  public static final String MESSAGE_RECEIVED = "MessageReceived";
  /** A member joined a chatroom. */
  public static final String MEMBER_JOINED = "MemberJoined";
  /** A friend deleted the account (or was deleted). */
  public static final String FRIEND_DELETED = "FriendDeleted";
  /** A device (work phone) came online. */
  public static final String DEVICE_ONLINE = "DeviceOnline";
  /** A device went offline. */
  public static final String DEVICE_OFFLINE = "DeviceOffline";
  /** A seat's session was kicked out by another sign-in. */
  public static final String SESSION_KICKED = "SessionKicked";
  /** A WeChat account was restricted by risk control. */
  public static final String ACCOUNT_RESTRICTED = "AccountRestricted";

  private EventTypes() {}
}

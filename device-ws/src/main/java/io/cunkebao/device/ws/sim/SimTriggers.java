package io.cunkebao.device.ws.sim;

/**
 * Things that happen on the simulated phones and in the cloud without a command: incoming
 * messages, friend passes, members joining, devices going off or online, restrictions, kicks,
 * dropped connections and raw frames. Each call runs on the world thread and returns once the push
 * is handed to the connection.
 */
public final class SimTriggers {
  private final DeviceCloudSimulator sim;
  private final SimWorld world;
  private final SimPushes pushes;
  private final SimCommands commands;

  SimTriggers(DeviceCloudSimulator sim, SimWorld world, SimPushes pushes, SimCommands commands) {
    this.sim = sim;
    this.world = world;
    this.pushes = pushes;
    this.commands = commands;
  }

  /**
   * A friend sends the account a text.
   *
   * @param account the receiving account
   * @param friendId the sender
   * @param text the text
   * @return the message id
   */
  public long friendMessage(long account, long friendId, String text) {
    return sim.onWorld(() -> pushes.friendMessage(acct(account), friendId, 1, text));
  }

  /**
   * A member writes in a chatroom.
   *
   * @param account the account in the group
   * @param roomId the chatroom
   * @param senderWechatId the member
   * @param text the text
   * @return the message id
   */
  public long chatroomMessage(long account, long roomId, String senderWechatId, String text) {
    return sim.onWorld(() -> pushes.chatroomMessage(acct(account), roomId, senderWechatId, text));
  }

  /**
   * Someone accepted the account's friend request: a new friend, pushed as {@code CmdFriendAdded}.
   *
   * @param account the account
   * @param wechatId the new friend's WeChat id
   * @return the new friend's id
   */
  public long friendPassed(long account, String wechatId) {
    return sim.onWorld(() -> {
      SimModel.Friend f = world.addFriend(acct(account), wechatId, wechatId);
      pushes.friendChanged(acct(account), "CmdFriendAdded", f.id, wechatId);
      return f.id;
    });
  }

  /**
   * A friend deleted the account, pushed as {@code CmdFriendDeleted}.
   *
   * @param account the account
   * @param friendId the friend
   */
  public void friendDeleted(long account, long friendId) {
    sim.onWorld(() -> {
      SimModel.Friend f = acct(account).friends.remove(friendId);
      pushes.friendChanged(acct(account), "CmdFriendDeleted", friendId, f == null ? "" : f.wechatId);
      return null;
    });
  }

  /**
   * Someone joined a chatroom, pushed as {@code CmdChatroomMemberJoined}.
   *
   * @param account the account in the group
   * @param roomId the chatroom
   * @param wechatId the new member
   */
  public void memberJoined(long account, long roomId, String wechatId) {
    sim.onWorld(() -> {
      SimModel.Room room = acct(account).rooms.get(roomId);
      if (room != null) {
        room.members.putIfAbsent(wechatId, new SimModel.Member(wechatId, wechatId, false));
      }
      pushes.memberJoined(acct(account), roomId, wechatId);
      return null;
    });
  }

  /**
   * The account's phone goes online or offline, pushed as {@code CmdDeviceStatusChanged}; while
   * offline its commands fail with code 1003.
   *
   * @param account the account
   * @param online its new state
   */
  public void deviceOnline(long account, boolean online) {
    sim.onWorld(() -> {
      acct(account).online = online;
      pushes.deviceStatus(acct(account));
      return null;
    });
  }

  /**
   * Risk control restricts the account now (system message 10000).
   *
   * @param account the account
   */
  public void restrict(long account) {
    sim.onWorld(() -> {
      acct(account).restricted = true;
      pushes.restricted(acct(account));
      return null;
    });
  }

  /**
   * Someone signed the seat in elsewhere: its session gets {@code CmdNotify "Kicked out"}.
   *
   * @param seat the seat
   */
  public void kick(String seat) {
    sim.onWorld(() -> {
      SimConn c = world.signedIn.remove(seat);
      if (c != null) {
        commands.kick(c);
      }
      return null;
    });
  }

  /**
   * Drops the seat's TCP connection without a close handshake.
   *
   * @param seat the seat
   */
  public void dropConnection(String seat) {
    sim.onWorld(() -> {
      SimConn c = world.signedIn.remove(seat);
      if (c != null) {
        c.socket.closeConnection(1006, "dropped by fault injection");
      }
      return null;
    });
  }

  /**
   * Sends any text as a frame to the seat's session (malformed frames, unknown types ...).
   *
   * @param seat the seat
   * @param text the frame
   */
  public void rawFrame(String seat, String text) {
    sim.onWorld(() -> {
      SimConn c = world.signedIn.get(seat);
      if (c != null) {
        c.send(text);
      }
      return null;
    });
  }

  private SimModel.Account acct(long account) {
    SimModel.Account a = world.accounts.get(account);
    if (a == null) {
      throw new IllegalArgumentException("the simulator has no account " + account);
    }
    return a;
  }
}

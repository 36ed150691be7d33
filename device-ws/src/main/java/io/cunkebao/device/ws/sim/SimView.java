package io.cunkebao.device.ws.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read access to the simulated state, for assertions; each call is answered on the world thread. */
public final class SimView {
  private final DeviceCloudSimulator sim;
  private final SimWorld world;

  SimView(DeviceCloudSimulator sim, SimWorld world) {
    this.sim = sim;
    this.world = world;
  }

  /**
   * @param account a WeChat account
   * @return its friends' ids, in list order
   */
  public List<Long> friendIds(long account) {
    return sim.onWorld(() -> List.copyOf(acct(account).friends.keySet()));
  }

  /**
   * @param account a WeChat account
   * @param friendId one of its friends
   * @return the friend's WeChat id
   */
  public String friendWechatId(long account, long friendId) {
    return sim.onWorld(() -> friend(account, friendId).wechatId);
  }

  /**
   * @param account a WeChat account
   * @param friendId one of its friends
   * @return the friend's labels
   */
  public List<String> friendLabels(long account, long friendId) {
    return sim.onWorld(() -> List.copyOf(friend(account, friendId).labels));
  }

  /**
   * @param account a WeChat account
   * @param friendId one of its friends
   * @return the account's remark for the friend
   */
  public String friendRemark(long account, long friendId) {
    return sim.onWorld(() -> friend(account, friendId).remark);
  }

  /**
   * @param account a WeChat account
   * @return the ids of the chatrooms it is in (listed ones only)
   */
  public List<Long> chatroomIds(long account) {
    return sim.onWorld(() -> List.copyOf(acct(account).rooms.keySet()));
  }

  /**
   * @param account a WeChat account
   * @param roomId one of its chatrooms
   * @return the group's name and announcement, as {@code name|announcement}
   */
  public String chatroomNameAndAnnouncement(long account, long roomId) {
    return sim.onWorld(() -> room(account, roomId).name + "|" + room(account, roomId).announcement);
  }

  /**
   * @param account a WeChat account
   * @param roomId one of its chatrooms
   * @return the members' WeChat ids, each with whether it is an admin
   */
  public Map<String, Boolean> members(long account, long roomId) {
    return sim.onWorld(() -> {
      Map<String, Boolean> out = new LinkedHashMap<>();
      room(account, roomId).members.values().forEach(m -> out.put(m.wechatId, m.admin));
      return out;
    });
  }

  /**
   * @param account a WeChat account
   * @param friendId a friend, or 0 for every moment the account sees
   * @return the moments' ids, newest first
   */
  public List<String> snsIds(long account, long friendId) {
    return sim.onWorld(() -> acct(account).moments.stream().filter(m -> friendId == 0 || m.friendId == friendId).map(m -> m.snsId).toList());
  }

  /**
   * @param account a WeChat account
   * @return whether risk control restricted it
   */
  public boolean restricted(long account) {
    return sim.onWorld(() -> acct(account).restricted);
  }

  /**
   * For tests that check a token never leaks (into logs, errors or URLs).
   *
   * @param seat a seat id
   * @return every access token the cloud has issued to the seat
   */
  public List<String> tokensOf(String seat) {
    return sim.onWorld(() -> world.tokens.entrySet().stream().filter(e -> e.getValue().equals(seat)).map(Map.Entry::getKey).sorted().toList());
  }

  /** @return the seats with a signed-in session now */
  public Set<String> signedInSeats() {
    return sim.onWorld(() -> Set.copyOf(world.signedIn.keySet()));
  }

  private SimModel.Account acct(long account) {
    SimModel.Account a = world.accounts.get(account);
    if (a == null) {
      throw new IllegalArgumentException("the simulator has no account " + account);
    }
    return a;
  }

  private SimModel.Friend friend(long account, long friendId) {
    SimModel.Friend f = acct(account).friends.get(friendId);
    if (f == null) {
      throw new IllegalArgumentException("account " + account + " has no friend " + friendId);
    }
    return f;
  }

  private SimModel.Room room(long account, long roomId) {
    SimModel.Room r = acct(account).rooms.get(roomId);
    if (r == null) {
      throw new IllegalArgumentException("account " + account + " has no listed chatroom " + roomId);
    }
    return r;
  }
}

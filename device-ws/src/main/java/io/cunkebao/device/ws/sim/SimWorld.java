package io.cunkebao.device.ws.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything the simulated cloud knows: seats, accounts and their friends, groups and moments,
 * issued tokens and who is signed in. Generated from the seed; touched only on the world thread.
 */
final class SimWorld {
  private static final List<String> LABELS = List.of("VIP", "潜在客户", "已成交", "宝妈", "学生", "老客户");
  final Random random;
  final Map<String, SimSeat> seats = new LinkedHashMap<>();
  final Map<Long, SimModel.Account> accounts = new LinkedHashMap<>();
  final Map<String, String> tokens = new HashMap<>();
  final Map<String, SimConn> signedIn = new HashMap<>();
  private long nextId = 1_000_000;

  SimWorld(SimulatorOptions o) {
    this.random = new Random(o.seed());
    long accountId = 5001;
    for (int s = 1; s <= o.seats(); s++) {
      String seat = Integer.toString(1000 + s);
      List<Long> ids = new ArrayList<>();
      for (int a = 0; a < o.accountsPerSeat(); a++, accountId++) {
        ids.add(accountId);
        accounts.put(accountId, account(accountId, seat, o));
      }
      seats.put(seat, new SimSeat(seat, "kefu" + s, "pw-" + s + "-" + Long.toHexString(random.nextLong()), ids));
    }
  }

  long nextId() {
    return ++nextId;
  }

  SimModel.Friend addFriend(SimModel.Account account, String wechatId, String nickname) {
    SimModel.Friend friend = new SimModel.Friend(nextId(), wechatId, nickname, new ArrayList<>());
    account.friends.put(friend.id, friend);
    return friend;
  }

  private SimModel.Account account(long id, String seat, SimulatorOptions o) {
    SimModel.Account account = new SimModel.Account(id, seat, "wxid_acct" + id);
    for (int f = 0; f < o.friendsPerAccount(); f++) {
      SimModel.Friend friend = addFriend(account, "wxid_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36), "好友" + f);
      friend.labels = new ArrayList<>(List.of(LABELS.get(random.nextInt(LABELS.size()))));
      for (int m = 0; m < o.momentsPerFriend(); m++) {
        long time = 1_700_000_000L + random.nextInt(10_000_000);
        account.moments.add(new SimModel.Moment("sns" + nextId(), friend.id, friend.wechatId, "朋友圈 " + m + " of " + friend.nickname, time,
            List.of("https://sim.invalid/img/" + nextId() + ".jpg")));
      }
    }
    account.moments.sort((a, b) -> Long.compare(b.createTimeSec, a.createTimeSec));
    List<SimModel.Friend> friends = new ArrayList<>(account.friends.values());
    for (int r = 0; r < o.chatroomsPerAccount(); r++) {
      SimModel.Room room = new SimModel.Room(nextId(), "群" + r + "-" + id);
      room.members.put(account.wechatId, new SimModel.Member(account.wechatId, "我", true));
      for (int m = 0; m < Math.min(5, friends.size()); m++) {
        SimModel.Friend f = friends.get(random.nextInt(friends.size()));
        room.members.putIfAbsent(f.wechatId, new SimModel.Member(f.wechatId, f.nickname, false));
      }
      account.rooms.put(room.id, room);
    }
    return account;
  }
}

package io.cunkebao.device.ws.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated cloud's data. Plain mutable holders, touched only on the simulator's world thread,
 * so they need no locking.
 */
final class SimModel {
  private SimModel() {}

  static final class Account {
    final long id;
    final String seat;
    final String wechatId;
    boolean online = true;
    boolean restricted;
    int violations;
    final Deque<Long> recentActions = new ArrayDeque<>();
    final Map<Long, Friend> friends = new LinkedHashMap<>();
    final Map<Long, Room> rooms = new LinkedHashMap<>();
    final List<Moment> moments = new ArrayList<>();
    final Map<String, long[]> sentByClientId = new HashMap<>();

    Account(long id, String seat, String wechatId) {
      this.id = id;
      this.seat = seat;
      this.wechatId = wechatId;
    }
  }

  static final class Friend {
    final long id;
    final String wechatId;
    final String nickname;
    String remark = "";
    List<String> labels;

    Friend(long id, String wechatId, String nickname, List<String> labels) {
      this.id = id;
      this.wechatId = wechatId;
      this.nickname = nickname;
      this.labels = labels;
    }
  }

  static final class Room {
    final long id;
    final String wechatId;
    String name;
    String announcement = "";
    final Map<String, Member> members = new LinkedHashMap<>();

    Room(long id, String name) {
      this.id = id;
      this.wechatId = id + "@chatroom";
      this.name = name;
    }
  }

  static final class Member {
    final String wechatId;
    final String nickname;
    boolean admin;

    Member(String wechatId, String nickname, boolean admin) {
      this.wechatId = wechatId;
      this.nickname = nickname;
      this.admin = admin;
    }
  }

  static final class Moment {
    final String snsId;
    final long friendId;
    final String author;
    final String content;
    final long createTimeSec;
    final List<String> urls;
    final Set<Long> likes = new HashSet<>();
    final List<String> comments = new ArrayList<>();

    Moment(String snsId, long friendId, String author, String content, long createTimeSec, List<String> urls) {
      this.snsId = snsId;
      this.friendId = friendId;
      this.author = author;
      this.content = content;
      this.createTimeSec = createTimeSec;
      this.urls = urls;
    }
  }
}

package io.cunkebao.api.device;

import java.util.List;

/**
 * A friend of a WeChat account, as the cloud lists it.
 *
 * @param id the cloud's friend id ({@code wechatFriendId})
 * @param wechatId the friend's WeChat id
 * @param nickname the friend's nickname
 * @param remark the account's remark for the friend, empty when none
 * @param labels the friend's labels
 */
public record Friend(long id, String wechatId, String nickname, String remark, List<String> labels) {
  /** Copies the labels. */
  public Friend {
    labels = List.copyOf(labels);
  }
}

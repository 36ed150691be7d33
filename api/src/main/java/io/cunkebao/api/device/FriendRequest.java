package io.cunkebao.api.device;

import org.jspecify.annotations.Nullable;

/**
 * A friend request from a WeChat account to a phone number or a WeChat id (exactly one of them).
 *
 * @param wechatAccountId the requesting account; greater than 0
 * @param phone the phone number to add, or null
 * @param wechatId the WeChat id to add, or null
 * @param greeting the text shown with the request; may be empty
 */
public record FriendRequest(long wechatAccountId, @Nullable String phone, @Nullable String wechatId, String greeting) {
  /** Checks that exactly one target is set. */
  public FriendRequest {
    Ids.positive(wechatAccountId, "wechatAccountId");
    if ((phone == null) == (wechatId == null)) {
      throw new IllegalArgumentException("exactly one of phone and wechatId must be set");
    }
    if (phone != null && !phone.matches("\\+?[0-9]{5,20}")) {
      throw new IllegalArgumentException("phone must be 5 to 20 digits, optionally after +, but was '" + phone + "'");
    }
    if (wechatId != null) {
      Ids.text(wechatId, "wechatId", 64);
    }
    if (greeting == null || greeting.length() > 200) {
      throw new IllegalArgumentException("greeting must be at most 200 characters and not null");
    }
  }

  /**
   * A request to a phone number.
   *
   * @param wechatAccountId the requesting account
   * @param phone the number
   * @param greeting the text shown
   * @return the request
   */
  public static FriendRequest byPhone(long wechatAccountId, String phone, String greeting) {
    return new FriendRequest(wechatAccountId, phone, null, greeting);
  }

  /**
   * A request to a WeChat id.
   *
   * @param wechatAccountId the requesting account
   * @param wechatId the id
   * @param greeting the text shown
   * @return the request
   */
  public static FriendRequest byWechatId(long wechatAccountId, String wechatId, String greeting) {
    return new FriendRequest(wechatAccountId, null, wechatId, greeting);
  }
}

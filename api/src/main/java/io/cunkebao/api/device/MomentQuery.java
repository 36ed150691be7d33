package io.cunkebao.api.device;

import org.jspecify.annotations.Nullable;

/**
 * Which moments to fetch: a friend's (or the account's own), newest first, one page at a time.
 *
 * @param wechatAccountId the account that looks; greater than 0
 * @param friendId whose moments, or 0 for the account's own
 * @param count how many, 1 to 50 (the seed uses 10)
 * @param afterSnsId the last moment of the previous page, or null for the first page
 */
public record MomentQuery(long wechatAccountId, long friendId, int count, @Nullable String afterSnsId) {
  /** Checks the values. */
  public MomentQuery {
    Ids.positive(wechatAccountId, "wechatAccountId");
    if (friendId < 0) {
      throw new IllegalArgumentException("friendId must be 0 (own moments) or greater but was " + friendId);
    }
    if (count < 1 || count > 50) {
      throw new IllegalArgumentException("count must be 1 to 50 but was " + count);
    }
  }

  /**
   * The first page of ten moments of a friend.
   *
   * @param wechatAccountId the account that looks
   * @param friendId the friend, or 0 for the account's own
   * @return the query
   */
  public static MomentQuery firstPage(long wechatAccountId, long friendId) {
    return new MomentQuery(wechatAccountId, friendId, 10, null);
  }
}

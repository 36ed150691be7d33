package io.cunkebao.api.device;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reading, liking, commenting and posting moments. */
public interface MomentOperations {

  /**
   * Likes a moment.
   *
   * @param wechatAccountId the liking account
   * @param friendId the moment's author
   * @param snsId the moment
   * @return completes when the cloud accepted the like; fails with {@link RateLimitedException}
   *     when moments are "too frequent"
   */
  CompletableFuture<Void> like(long wechatAccountId, long friendId, String snsId);

  /**
   * Comments on a moment.
   *
   * @param wechatAccountId the commenting account
   * @param friendId the moment's author
   * @param snsId the moment
   * @param text the comment
   * @return completes when the cloud accepted the comment
   */
  CompletableFuture<Void> comment(long wechatAccountId, long friendId, String snsId, String text);

  /**
   * Fetches a page of moments (read-only: retried across a reconnect).
   *
   * @param query whose moments and which page
   * @return the page
   */
  CompletableFuture<MomentPage> fetch(MomentQuery query);

  /**
   * Has the phone download a moment's pictures and completes with their stored URLs.
   *
   * @param wechatAccountId the account
   * @param snsId the moment
   * @param urls the pictures' URLs as fetched
   * @return the downloaded copies' URLs
   */
  CompletableFuture<List<String>> downloadImages(long wechatAccountId, String snsId, List<String> urls);

  /**
   * Posts a moment (a publishing job at the cloud, over REST).
   *
   * @param post what to post
   * @return the cloud's job id
   */
  CompletableFuture<String> post(MomentPost post);
}

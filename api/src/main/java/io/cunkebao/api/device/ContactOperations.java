package io.cunkebao.api.device;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Friends of a seat's WeChat accounts: listing, labels, remarks, requests, contact import. */
public interface ContactOperations {

  /**
   * Lists the account's friends (all pages).
   *
   * @param wechatAccountId the account
   * @return the friends
   */
  CompletableFuture<List<Friend>> friends(long wechatAccountId);

  /**
   * Replaces a friend's labels.
   *
   * @param wechatAccountId the account
   * @param friendId the friend
   * @param labels the new labels, all of them; may be empty
   * @return completes when the cloud accepted the change
   */
  CompletableFuture<Void> setLabels(long wechatAccountId, long friendId, List<String> labels);

  /**
   * Sets a friend's remark.
   *
   * @param wechatAccountId the account
   * @param friendId the friend
   * @param remark the remark; may be empty to clear it
   * @return completes when the cloud accepted the change
   */
  CompletableFuture<Void> setRemark(long wechatAccountId, long friendId, String remark);

  /**
   * Sends a friend request: by phone as a cloud task over REST, by WeChat id as a command.
   *
   * @param request to whom, from which account
   * @return the cloud's task or request id; fails with {@link RateLimitedException} or {@link
   *     AccountRestrictedException} when risk control refuses
   */
  CompletableFuture<String> requestFriend(FriendRequest request);

  /**
   * Accepts a pending friend request. <b>This project's extension</b>: the known cloud protocol
   * has no such command; drivers send {@code CmdAcceptFriendRequest {wechatAccountId, wechatId}}.
   *
   * @param wechatAccountId the account that received the request
   * @param wechatId who asked
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> acceptFriendRequest(long wechatAccountId, String wechatId);

  /**
   * Imports contacts into the phone's address book (over REST).
   *
   * @param wechatAccountId the account whose phone gets them
   * @param contacts the entries; at least one
   * @return how many were imported
   */
  CompletableFuture<Integer> importContacts(long wechatAccountId, List<Contact> contacts);
}

package io.cunkebao.api.device;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Creating, listing and managing chatrooms (groups). State-changing calls complete with the
 * cloud's acknowledgement.
 */
public interface ChatroomOperations {

  /**
   * Creates a chatroom and completes with its id once it exists. The cloud answers {@code
   * CmdChatroomCreate} without an id; the new group shows up in the chatroom list some seconds
   * later, so the driver watches the list on a timer (never a sleeping thread) until a chatroom of
   * that name that was not there before appears, or the creation timeout passes.
   *
   * @param wechatAccountId the creating account (the owner)
   * @param name the group's name; not blank
   * @param friendIds at least two friends to put in
   * @return the new chatroom's id
   */
  CompletableFuture<Long> create(long wechatAccountId, String name, List<Long> friendIds);

  /**
   * Invites friends into a chatroom.
   *
   * @param wechatAccountId the inviting account
   * @param chatroomId the chatroom
   * @param friendIds at least one friend
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> invite(long wechatAccountId, long chatroomId, List<Long> friendIds);

  /**
   * Sets the group announcement (operate type 5).
   *
   * @param wechatAccountId an admin account of the group
   * @param chatroomId the chatroom
   * @param text the announcement
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> setAnnouncement(long wechatAccountId, long chatroomId, String text);

  /**
   * Renames the group (operate type 6).
   *
   * @param wechatAccountId an admin account of the group
   * @param chatroomId the chatroom
   * @param name the new name
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> rename(long wechatAccountId, long chatroomId, String name);

  /**
   * Removes members (operate type 2).
   *
   * @param wechatAccountId an admin account of the group
   * @param chatroomId the chatroom
   * @param wechatIds the members to remove; at least one
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> removeMembers(long wechatAccountId, long chatroomId, List<String> wechatIds);

  /**
   * Makes members admins (operate type 12).
   *
   * @param wechatAccountId the owner account
   * @param chatroomId the chatroom
   * @param wechatIds the members; at least one
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> addAdmins(long wechatAccountId, long chatroomId, List<String> wechatIds);

  /**
   * Takes a member's admin role away (operate type 8 with {@code extra{wechatId}}).
   *
   * @param wechatAccountId the owner account
   * @param chatroomId the chatroom
   * @param wechatId the admin
   * @return completes when the cloud accepted the command
   */
  CompletableFuture<Void> removeAdmin(long wechatAccountId, long chatroomId, String wechatId);

  /**
   * Lists the account's chatrooms (all pages).
   *
   * @param wechatAccountId the account
   * @return the chatrooms
   */
  CompletableFuture<List<Chatroom>> list(long wechatAccountId);

  /**
   * Lists a chatroom's members (all pages).
   *
   * @param wechatAccountId an account in the group
   * @param chatroomId the chatroom
   * @return the members
   */
  CompletableFuture<List<ChatroomMember>> members(long wechatAccountId, long chatroomId);
}

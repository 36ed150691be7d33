package io.cunkebao.api.device;

/**
 * A chatroom (group) a WeChat account is in, as the cloud lists it.
 *
 * @param id the cloud's chatroom id ({@code wechatChatroomId})
 * @param chatroomWechatId the group's WeChat id ({@code ...@chatroom})
 * @param name the group's name
 * @param memberCount how many members it has
 */
public record Chatroom(long id, String chatroomWechatId, String name, int memberCount) {}

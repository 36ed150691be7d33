package io.cunkebao.api.device;

/**
 * A member of a chatroom.
 *
 * @param wechatId the member's WeChat id
 * @param nickname the member's nickname
 * @param admin whether the member is an admin of the group
 */
public record ChatroomMember(String wechatId, String nickname, boolean admin) {}

package io.cunkebao.api.device;

import java.time.Instant;

/**
 * A message the phone has sent.
 *
 * @param messageId the cloud's id of the message (friend or chatroom message id)
 * @param wechatAccountId the sending account
 * @param sentAt when WeChat sent it ({@code wechatTime})
 */
public record SentMessage(long messageId, long wechatAccountId, Instant sentAt) {}

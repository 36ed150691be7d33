package io.cunkebao.device.ws.sim;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing a simulated phone did.
 *
 * @param wechatAccountId the account that acted
 * @param kind what it did: {@code message}, {@code like}, {@code comment}, {@code chatroom-create},
 *     {@code invite}, {@code chatroom-operate}, {@code label}, {@code remark}, {@code
 *     friend-request}, {@code accept-friend}, {@code moment-post}, {@code contact-import}
 * @param target the friend, chatroom or moment author concerned, 0 when none
 * @param detail the text, name or parameters
 * @param clientMessageId the command's client message id, if it had one
 * @param at when the phone did it
 */
public record PhoneAction(long wechatAccountId, String kind, long target, String detail, @Nullable String clientMessageId, Instant at) {}

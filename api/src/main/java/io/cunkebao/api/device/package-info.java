/**
 * Devices (work phones) as task handlers see them: typed, asynchronous operations on one seat's
 * session, and the errors a device or its cloud can answer with.
 *
 * <p>Start from {@link io.cunkebao.api.device.DeviceSession}: its {@link
 * io.cunkebao.api.device.DeviceSession#messages() messages()}, {@link
 * io.cunkebao.api.device.DeviceSession#chatrooms() chatrooms()}, {@link
 * io.cunkebao.api.device.DeviceSession#moments() moments()} and {@link
 * io.cunkebao.api.device.DeviceSession#contacts() contacts()} return futures that fail with a
 * subclass of {@link io.cunkebao.api.device.DeviceException}. Drivers implement the session; they
 * are opened through {@link io.cunkebao.api.spi.DeviceDriverProvider}.
 *
 * <p>Ids: the cloud's numeric ids ({@code wechatAccountId}, friend and chatroom ids) are {@code
 * long}s greater than zero; WeChat ids ({@code wxid_...}) and moment ids ({@code snsId}) are
 * strings.
 */
@NullMarked
package io.cunkebao.api.device;

import org.jspecify.annotations.NullMarked;

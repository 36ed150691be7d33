/**
 * The device driver for the cloud's JSON-over-WebSocket and REST protocol.
 *
 * <p>Start from {@link io.cunkebao.device.ws.WsDeviceDriverProvider} (found by {@link
 * java.util.ServiceLoader} for the {@code ws} and {@code wss} schemes) or construct a {@link
 * io.cunkebao.device.ws.WsDeviceDriver} directly. Everything else in this package is internal.
 * The simulator of the cloud lives in {@link io.cunkebao.device.ws.sim}.
 */
@NullMarked
package io.cunkebao.device.ws;

import org.jspecify.annotations.NullMarked;

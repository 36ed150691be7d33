/**
 * A simulator of the device cloud and its phones, for local development, tests and demos: a
 * WebSocket and REST server speaking the cloud's protocol, with seats, WeChat accounts, friends,
 * chatrooms, members, moments and labels generated from a seed, risk control, fault injection and
 * a record of what each phone did.
 *
 * <p>Start from {@link io.cunkebao.device.ws.sim.DeviceCloudSimulator#start} (embedded) or {@link
 * io.cunkebao.device.ws.sim.SimulatorMain} (standalone). Not for production.
 */
@NullMarked
package io.cunkebao.device.ws.sim;

import org.jspecify.annotations.NullMarked;

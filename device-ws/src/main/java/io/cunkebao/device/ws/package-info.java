/**
 * The WebSocket + REST device driver and the device simulator: filled by the devices issue.
 * Depends on the api only.
 */
package io.cunkebao.device.ws;

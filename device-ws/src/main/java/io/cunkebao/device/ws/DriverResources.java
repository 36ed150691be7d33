package io.cunkebao.device.ws;

import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.spi.DeviceDriverConfig;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a driver shares among its seats.
 *
 * @param http the JDK client for WebSocket and REST
 * @param timer timeouts, heartbeats, reconnect delays and chatroom polls: never a sleeping thread
 * @param io where frames are sent and HTTP callbacks run
 * @param config the driver's settings
 * @param events where pushes go
 */
record DriverResources(HttpClient http, ScheduledExecutorService timer, ExecutorService io, DeviceDriverConfig config, EventPublisher events) {}

package io.cunkebao.device.ws.sim;

import org.java_websocket.WebSocket;
import org.jspecify.annotations.Nullable;

/** One client connection to the simulated cloud, and the seat it signed in for (null before). */
final class SimConn {
  final WebSocket socket;
  volatile @Nullable String seat;

  SimConn(WebSocket socket) {
    this.socket = socket;
  }

  void send(String text) {
    if (socket.isOpen()) {
      socket.send(text);
    }
  }
}

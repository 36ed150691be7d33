package io.cunkebao.queue.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for test servers, picked BELOW the kernel's ephemeral range (32768 and up
 * on Linux). A port taken from that range can be grabbed, between our check and the server's bind
 * (or while a killed server is being restarted on it), by the local end of any outgoing connection
 * — the tests open many. Below the range only another test server competes.
 */
final class TestPorts {
  private TestPorts() {}

  /**
   * A free port in {@code [from, to)} (and, when {@code alsoFreeOffset} is positive, with that port
   * plus the offset free too, for a Cluster node's bus).
   */
  static int free(int from, int to, int alsoFreeOffset) {
    for (int tries = 0; tries < 1_000; tries++) {
      int port = ThreadLocalRandom.current().nextInt(from, to);
      if (bindable(port) && (alsoFreeOffset <= 0 || bindable(port + alsoFreeOffset))) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in [" + from + ", " + to + ")");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}

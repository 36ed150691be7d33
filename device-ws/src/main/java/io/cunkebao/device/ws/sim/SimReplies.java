package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How the simulated cloud answers: {@code <Cmd>Resp} echoing {@code seq} (after the injected
 * latency), then optionally {@code <Cmd>Result} after the result delay, both dropped when a drop
 * fault is armed for the command. Timers, never sleeps.
 */
final class SimReplies {
  static final int FREQUENT = 1001;
  static final int RESTRICTED = 1002;
  static final int OFFLINE = 1003;
  static final int BAD_REQUEST = 1004;
  static final int NOT_FOUND = 1005;
  final ObjectMapper mapper = new ObjectMapper();
  private final ScheduledExecutorService world;
  private final SimWorld state;
  private final Faults faults;
  private final SimulatorOptions options;

  SimReplies(ScheduledExecutorService world, SimWorld state, Faults faults, SimulatorOptions options) {
    this.world = world;
    this.state = state;
    this.faults = faults;
    this.options = options;
  }

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  ObjectNode frame(String cmdType, JsonNode request) {
    ObjectNode frame = object().put("cmdType", cmdType);
    frame.set("seq", request.path("seq"));
    return frame;
  }

  /** Answers with a Resp carrying {@code resp}'s fields and, when given, a later Result. */
  void answer(SimConn c, JsonNode req, ObjectNode resp, @Nullable ObjectNode result) {
    String type = req.path("cmdType").asText();
    if (faults.takeDrop(type)) {
      return;
    }
    long delay = faults.answerDelayMs(state.random);
    ObjectNode r = frame(type + "Resp", req).put("code", 0);
    r.setAll(resp);
    send(c, r, delay);
    if (result != null) {
      ObjectNode done = frame(type + "Result", req);
      done.setAll(result);
      send(c, done, delay + options.resultDelay().toMillis());
    }
  }

  void error(SimConn c, JsonNode req, int code, String message) {
    ObjectNode r = frame(req.path("cmdType").asText() + "Resp", req).put("code", code).put("message", message).put("extra", message);
    send(c, r, faults.answerDelayMs(state.random));
  }

  void send(SimConn c, ObjectNode frame, long delayMs) {
    String text = text(frame);
    if (delayMs <= 0) {
      c.send(text);
    } else {
      world.schedule(() -> c.send(text), delayMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends a push to the session signed in for the seat, if any. */
  void push(String seat, ObjectNode frame) {
    SimConn c = state.signedIn.get(seat);
    if (c != null) {
      c.send(text(frame));
    }
  }

  String text(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a frame", e);
    }
  }
}

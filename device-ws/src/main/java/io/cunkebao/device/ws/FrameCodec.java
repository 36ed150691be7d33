package io.cunkebao.device.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes commands as flat frames and decodes the cloud's frames. A malformed frame is logged and
 * dropped here, so one bad frame never ends a session. Log lines carry the reason and the size,
 * never the frame's text: frames hold tokens and personal messages.
 */
final class FrameCodec {
  private static final Logger LOG = LoggerFactory.getLogger(FrameCodec.class);
  private final String seat;
  private final int maxChars;

  FrameCodec(String seat, int maxChars) {
    this.seat = seat;
    this.maxChars = maxChars;
  }

  String encode(String cmdType, long seq, ObjectNode fields) {
    ObjectNode frame = Json.object();
    frame.put("cmdType", cmdType);
    frame.put("seq", seq);
    frame.setAll(fields);
    String text;
    try {
      text = Json.mapper().writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("fields of " + cmdType + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    if (text.length() > maxChars) {
      throw new IllegalArgumentException(cmdType + " would be a frame of " + text.length() + " chars, over the limit of " + maxChars);
    }
    return text;
  }

  Optional<Frame> decode(String text) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return dropped("it is not valid JSON (" + e.getOriginalMessage() + ")", text.length());
    }
    if (node == null || !node.isObject()) {
      return dropped("it is not a JSON object", text.length());
    }
    JsonNode type = node.get("cmdType");
    if (type == null || !type.isTextual() || type.asText().isEmpty()) {
      return dropped("it has no cmdType", text.length());
    }
    OptionalLong seq = seqOf(node.get("seq"));
    String cmdType = type.asText();
    if (cmdType.endsWith("Resp") && seq.isEmpty()) {
      return dropped(cmdType + " has no numeric seq to correlate", text.length());
    }
    return Optional.of(new Frame(cmdType, seq, (ObjectNode) node));
  }

  void droppedOversized(int chars, int limit) {
    LOG.warn("Dropped a frame of {}+ chars from the cloud for seat {}: over the {} char limit; the session continues",
        chars, seat, limit);
  }

  void droppedUnknown(Frame frame) {
    LOG.warn("Dropped a frame of unknown type {} from the cloud for seat {}; the session continues", frame.cmdType(), seat);
  }

  private static OptionalLong seqOf(JsonNode seq) {
    if (seq == null || !(seq.isIntegralNumber() || seq.isTextual())) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(seq.isTextual() ? Long.parseLong(seq.asText()) : seq.asLong());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private Optional<Frame> dropped(String reason, int chars) {
    LOG.warn("Dropped a frame of {} chars from the cloud for seat {}: {}; the session continues", chars, seat, reason);
    return Optional.empty();
  }
}

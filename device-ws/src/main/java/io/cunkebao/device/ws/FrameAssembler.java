package io.cunkebao.device.ws;

import java.util.Optional;

/**
 * Joins the parts of one incoming WebSocket message into a frame, and skips a message that grows
 * past the size limit without buffering the rest of it (so a hostile peer cannot make us hold an
 * unbounded message). Used by one connection's reader only, so it needs no locking.
 */
final class FrameAssembler {
  private final int limit;
  private final FrameCodec codec;
  private final StringBuilder buffer = new StringBuilder();
  private int discarded;

  FrameAssembler(int limit, FrameCodec codec) {
    this.limit = limit;
    this.codec = codec;
  }

  /**
   * Adds a part.
   *
   * @param data the part
   * @param last whether it ends the message
   * @return the whole frame when the message ended within the limit
   */
  Optional<String> append(CharSequence data, boolean last) {
    if (discarded > 0 || buffer.length() + data.length() > limit) {
      discarded += buffer.length() + data.length();
      buffer.setLength(0);
    } else {
      buffer.append(data);
    }
    if (!last) {
      return Optional.empty();
    }
    if (discarded > 0) {
      codec.droppedOversized(discarded, limit);
      discarded = 0;
      return Optional.empty();
    }
    String text = buffer.toString();
    buffer.setLength(0);
    return Optional.of(text);
  }
}

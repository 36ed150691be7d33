package io.cunkebao.api.device;

import java.util.Map;

/**
 * The answer to a {@link RawCommand}: the {@code <Cmd>Resp} or {@code <Cmd>Result} frame.
 *
 * @param cmdType the answer's type, such as {@code CmdVoiceToTextResult}
 * @param fields its fields as JSON values (strings, numbers, booleans, lists, maps); {@code seq}
 *     included
 */
public record RawReply(String cmdType, Map<String, Object> fields) {
  /** Copies the fields. */
  public RawReply {
    fields = Map.copyOf(fields);
  }
}

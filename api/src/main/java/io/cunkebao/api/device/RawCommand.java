package io.cunkebao.api.device;

import java.util.Map;

/**
 * A command the typed operations do not cover yet, sent as one frame: {@code cmdType} plus the
 * fields at the top level (the driver adds {@code seq}).
 *
 * @param cmdType the command's type, such as {@code CmdVoiceToText}; {@code Cmd[A-Za-z]{1,64}}
 * @param fields its fields: strings, numbers, booleans, lists and maps of them; not {@code
 *     cmdType} or {@code seq}
 * @param readOnly whether the command changes nothing: only read-only commands are sent again
 *     after a reconnect
 * @param awaitResult whether the call completes with the later {@code <Cmd>Result} instead of
 *     the {@code <Cmd>Resp} acknowledgement
 */
public record RawCommand(String cmdType, Map<String, Object> fields, boolean readOnly, boolean awaitResult) {
  /** Checks the type and the field names. */
  public RawCommand {
    if (cmdType == null || !cmdType.matches("Cmd[A-Za-z]{1,64}")) {
      throw new IllegalArgumentException("cmdType must match Cmd[A-Za-z]{1,64} but was '" + cmdType + "'");
    }
    fields = Map.copyOf(fields);
    if (fields.containsKey("cmdType") || fields.containsKey("seq")) {
      throw new IllegalArgumentException("fields must not contain cmdType or seq; the driver sets them");
    }
  }
}

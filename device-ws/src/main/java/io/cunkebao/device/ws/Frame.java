package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;

/**
 * One decoded frame from the cloud.
 *
 * @param cmdType its type
 * @param seq the sequence number it echoes, if any
 * @param body the whole frame
 */
record Frame(String cmdType, OptionalLong seq, ObjectNode body) {

  boolean isResp() {
    return cmdType.endsWith("Resp");
  }

  boolean isResult() {
    return cmdType.endsWith("Result");
  }
}

package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.AccountRestrictedException;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.DeviceException;
import io.cunkebao.api.device.DeviceOfflineException;
import io.cunkebao.api.device.RateLimitedException;
import java.util.Optional;

/**
 * Turns the cloud's answers into typed errors, in one place so WebSocket and REST answers read
 * alike. The cloud signals risk control by text (the seed matches {@code 操作过于频繁}, {@code
 * 朋友圈太频繁了}, {@code 你的账号被限制}, {@code 当前账号存在安全风险}), sometimes with code 0 and the
 * text in {@code extra}, so the texts are checked before the code.
 */
final class CloudErrors {
  /** Code of the simulator (and of our reading of the cloud) for a phone that is offline. */
  static final int OFFLINE = 1003;

  private CloudErrors() {}

  /**
   * The error an answer carries, if any.
   *
   * @param command the command answered
   * @param answer the Resp, Result or REST body
   * @param account the account the command was for, 0 when none
   */
  static Optional<DeviceException> of(String command, JsonNode answer, long account) {
    String extra = answer.path("extra").isTextual() ? answer.path("extra").asText() : "";
    String message = answer.path("message").asText("");
    int code = answer.path("code").asInt(0);
    int sendStatus = answer.path("sendStatus").asInt(1);
    String text = extra.isEmpty() ? message : extra;
    if (isRateLimit(extra) || (code != 0 && isRateLimit(message))) {
      return Optional.of(new RateLimitedException(command, text));
    }
    if (isRestriction(extra) || (code != 0 && isRestriction(message))) {
      return Optional.of(new AccountRestrictedException(command, text));
    }
    if (code == OFFLINE) {
      return Optional.of(new DeviceOfflineException(command, account));
    }
    if (code != 0) {
      return Optional.of(new CommandRejectedException(command, code, message.isEmpty() ? extra : message));
    }
    if (sendStatus != 1) {
      return Optional.of(new CommandRejectedException(command, sendStatus, "the phone reported send status " + sendStatus + " " + extra));
    }
    return Optional.empty();
  }

  /**
   * The error for a failed REST answer.
   *
   * @param path the REST path
   * @param status the HTTP status
   * @param body the parsed body, or a missing node when it was not JSON
   * @param account the account the call was for, 0 when none
   */
  static DeviceException ofHttp(String path, int status, JsonNode body, long account) {
    // A failed HTTP answer is an error even without a code field, so its texts count as if it had one.
    JsonNode coded = body.isObject() && !body.has("code") ? ((ObjectNode) body.deepCopy()).put("code", status) : body;
    Optional<DeviceException> typed = of(path, coded, account);
    if (typed.isPresent() && !(typed.get() instanceof CommandRejectedException)) {
      return typed.get();
    }
    String reason = body.path("message").asText("");
    return new CommandRejectedException(path, status, reason.isEmpty() ? "HTTP " + status : reason);
  }

  private static boolean isRateLimit(String text) {
    return text.contains("频繁");
  }

  private static boolean isRestriction(String text) {
    return text.contains("限制") || text.contains("安全风险");
  }
}

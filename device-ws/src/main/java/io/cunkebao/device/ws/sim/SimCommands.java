package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cloud's front door for WebSocket frames: sign-in rules (the first frame must be
 * {@code CmdSignIn} with a token issued for that seat; a second sign-in kicks the first), then
 * dispatch by {@code cmdType}, with account checks and injected failures applied before any
 * handler runs. Runs on the world thread.
 */
final class SimCommands {
  private static final Logger LOG = LoggerFactory.getLogger(SimCommands.class);

  /** A command handler; the account is checked (exists, on this seat, online) when the frame names one. */
  interface Handler {
    void handle(SimConn c, JsonNode req, SimModel.@Nullable Account account);
  }

  private final SimWorld world;
  private final SimReplies replies;
  private final Faults faults;
  private final Map<String, Handler> handlers = new HashMap<>();

  SimCommands(SimWorld world, SimReplies replies, Faults faults) {
    this.world = world;
    this.replies = replies;
    this.faults = faults;
  }

  void register(String cmdType, Handler handler) {
    handlers.put(cmdType, handler);
  }

  void onFrame(SimConn c, String text) {
    JsonNode req;
    try {
      req = replies.mapper.readTree(text);
    } catch (java.io.IOException e) {
      LOG.debug("Simulator got a frame that is not JSON; ignored");
      return;
    }
    String type = req.path("cmdType").asText("");
    if (c.seat == null) {
      signIn(c, req, type);
    } else if (!type.equals("CmdHeartbeat")) {
      dispatch(c, req, type);
    }
  }

  private void signIn(SimConn c, JsonNode req, String type) {
    String seat = req.path("accountId").asText("");
    String issuedFor = world.tokens.get(req.path("accessToken").asText(""));
    if (!type.equals("CmdSignIn") || !seat.equals(issuedFor)) {
      ObjectNode resp = replies.frame("CmdSignInResp", req).put("code", 401).put("message", "Auth failed");
      c.send(replies.text(resp));
      c.send(replies.text(replies.object().put("cmdType", "CmdNotify").put("notify", "Auth failed")));
      c.socket.close(4001, "Auth failed");
      return;
    }
    SimConn previous = world.signedIn.put(seat, c);
    c.seat = seat;
    if (previous != null && previous != c) {
      kick(previous);
    }
    c.send(replies.text(replies.frame("CmdSignInResp", req).put("code", 0)));
  }

  void kick(SimConn c) {
    c.send(replies.text(replies.object().put("cmdType", "CmdNotify").put("notify", "Kicked out")));
    c.seat = null;
    c.socket.close(4000, "Kicked out");
  }

  private void dispatch(SimConn c, JsonNode req, String type) {
    Optional<Faults.Failure> injected = faults.takeFailure(type);
    if (injected.isPresent()) {
      replies.error(c, req, injected.get().code(), injected.get().message());
      return;
    }
    Handler handler = handlers.get(type);
    if (handler == null) {
      replies.error(c, req, SimReplies.BAD_REQUEST, "unknown cmdType " + type);
      return;
    }
    long accountId = req.path("wechatAccountId").asLong(req.path("WechatAccountId").asLong(0));
    SimModel.Account account = world.accounts.get(accountId);
    boolean needsAccount = !type.equals("CmdRequestWechatAccountsAliveStatus");
    if (needsAccount && (account == null || !account.seat.equals(c.seat))) {
      replies.error(c, req, SimReplies.NOT_FOUND, "account " + accountId + " is not on seat " + c.seat);
    } else if (needsAccount && !account.online) {
      replies.error(c, req, SimReplies.OFFLINE, "device offline");
    } else {
      handler.handle(c, req, account);
    }
  }
}

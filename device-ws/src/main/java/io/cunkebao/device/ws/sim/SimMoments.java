package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code CmdMomentInteract} (like, comment), {@code CmdFetchMoment} (rate-limited like the real
 * cloud: an empty Result whose {@code extra} says "朋友圈太频繁了") and {@code
 * CmdDownloadMomentImages}.
 */
final class SimMoments extends SimHandlers {

  SimMoments(SimHandlers shared) {
    super(shared);
  }

  void registerOn(SimCommands commands) {
    commands.register("CmdMomentInteract", this::interact);
    commands.register("CmdFetchMoment", this::fetch);
    commands.register("CmdDownloadMomentImages", this::download);
  }

  private void interact(SimConn c, JsonNode req, SimModel.Account a) {
    SimModel.Moment m = find(a, req.path("snsId").asText());
    if (m == null) {
      replies.error(c, req, SimReplies.NOT_FOUND, "no moment " + req.path("snsId").asText());
      return;
    }
    if (!allowed(c, req, a, RiskControl.MOMENTS_TOO_FREQUENT)) {
      return;
    }
    boolean like = req.path("momentInteractType").asInt() == 1;
    if (like) {
      m.likes.add(a.id);
    } else {
      m.comments.add(req.path("sendWord").asText());
    }
    record(a, like ? "like" : "comment", m.friendId, m.snsId + (like ? "" : ":" + req.path("sendWord").asText()), null);
    replies.answer(c, req, replies.object(), null);
  }

  private void fetch(SimConn c, JsonNode req, SimModel.Account a) {
    if (risk.check(a) != RiskControl.Verdict.OK) {
      replies.answer(c, req, replies.object(), replies.object().put("extra", RiskControl.MOMENTS_TOO_FREQUENT).set("result", replies.object().arrayNode()));
      return;
    }
    long friendId = req.path("wechatFriendId").asLong(0);
    String after = req.path("prevSnsId").asText("0");
    int count = Math.max(1, req.path("count").asInt(10));
    ArrayNode result = replies.object().arrayNode();
    boolean started = "0".equals(after);
    for (SimModel.Moment m : a.moments) {
      if (friendId != 0 && m.friendId != friendId) {
        continue;
      }
      if (started && result.size() < count) {
        result.add(moment(m));
      }
      started |= m.snsId.equals(after);
    }
    ObjectNode done = replies.object();
    done.set("result", result);
    replies.answer(c, req, replies.object(), done);
  }

  private void download(SimConn c, JsonNode req, SimModel.Account a) {
    ArrayNode urls = replies.object().arrayNode();
    req.path("urls").forEach(u -> urls.add("https://sim.invalid/downloaded/" + req.path("snsId").asText() + "/" + Math.abs(u.asText().hashCode()) + ".jpg"));
    ObjectNode done = replies.object().put("snsId", req.path("snsId").asText());
    done.set("urls", urls);
    replies.answer(c, req, replies.object(), done);
  }

  private ObjectNode moment(SimModel.Moment m) {
    ObjectNode n = replies.object().put("snsId", m.snsId).put("type", 1).put("createTime", m.createTimeSec);
    ArrayNode likes = n.putArray("likeList");
    m.likes.forEach(likes::add);
    ArrayNode comments = n.putArray("commentList");
    m.comments.forEach(comments::add);
    ObjectNode e = n.putObject("momentEntity").put("userName", m.author).put("content", m.content);
    ArrayNode urls = e.putArray("resUrls");
    m.urls.forEach(urls::add);
    return n;
  }

  private static SimModel.@Nullable Moment find(SimModel.Account a, String snsId) {
    return a.moments.stream().filter(m -> m.snsId.equals(snsId)).findFirst().orElse(null);
  }
}

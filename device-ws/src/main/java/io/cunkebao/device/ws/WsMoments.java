package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.Moment;
import io.cunkebao.api.device.MomentOperations;
import io.cunkebao.api.device.MomentPage;
import io.cunkebao.api.device.MomentPost;
import io.cunkebao.api.device.MomentQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Moments: interact (WebSocket), fetch and download (read-only, retried across reconnects), post (REST). */
final class WsMoments implements MomentOperations {
  private final WsDeviceSession session;

  WsMoments(WsDeviceSession session) {
    this.session = session;
  }

  @Override
  public CompletableFuture<Void> like(long wechatAccountId, long friendId, String snsId) {
    return interact(wechatAccountId, friendId, snsId, 1, null);
  }

  @Override
  public CompletableFuture<Void> comment(long wechatAccountId, long friendId, String snsId, String text) {
    return interact(wechatAccountId, friendId, snsId, 2, Args.text(text, "comment text"));
  }

  @Override
  public CompletableFuture<MomentPage> fetch(MomentQuery query) {
    Objects.requireNonNull(query, "query");
    ObjectNode fields = Json.object().put("wechatAccountId", query.wechatAccountId()).put("wechatFriendId", query.friendId())
        .put("count", query.count()).put("createTimeSec", 0).put("prevSnsId", query.afterSnsId() == null ? "0" : query.afterSnsId())
        .put("isTimeline", false);
    return session.command("CmdFetchMoment", fields, true, true).thenApply(frame -> {
      List<Moment> moments = Json.list(frame.body().path("result"), WsMoments::moment);
      Optional<MomentQuery> next = moments.size() < query.count() ? Optional.empty()
          : Optional.of(new MomentQuery(query.wechatAccountId(), query.friendId(), query.count(), moments.get(moments.size() - 1).snsId()));
      return new MomentPage(moments, next);
    });
  }

  @Override
  public CompletableFuture<List<String>> downloadImages(long wechatAccountId, String snsId, List<String> urls) {
    ObjectNode fields = Json.object().put("wechatAccountId", Args.positive(wechatAccountId, "wechatAccountId"))
        .put("snsId", Args.text(snsId, "snsId"));
    Args.texts(urls, "urls").forEach(fields.putArray("urls")::add);
    return session.command("CmdDownloadMomentImages", fields, true, true).thenApply(frame -> Json.strings(frame.body().path("urls")));
  }

  @Override
  public CompletableFuture<String> post(MomentPost post) {
    Objects.requireNonNull(post, "post");
    ObjectNode body = Json.object().put("wechatAccountId", post.wechatAccountId()).put("content", post.content());
    post.imageUrls().forEach(body.putArray("picUrls")::add);
    return session.restPost("api/JobPublishWechatMoments/addJob", body, post.wechatAccountId()).thenApply(b -> b.path("id").asText());
  }

  private CompletableFuture<Void> interact(long account, long friendId, String snsId, int type, String word) {
    ObjectNode fields = Json.object().put("wechatAccountId", Args.positive(account, "wechatAccountId"))
        .put("wechatFriendId", Args.positive(friendId, "friendId")).put("snsId", Args.text(snsId, "snsId")).put("momentInteractType", type);
    if (word != null) {
      fields.put("sendWord", word);
    }
    return session.command("CmdMomentInteract", fields, false, false).thenApply(frame -> null);
  }

  private static Moment moment(JsonNode n) {
    JsonNode e = n.path("momentEntity");
    return new Moment(n.path("snsId").asText(), e.path("userName").asText(""), e.path("content").asText(""),
        Instant.ofEpochSecond(n.path("createTime").asLong()), Json.strings(e.path("resUrls")), n.path("likeList").size(),
        n.path("commentList").size());
  }
}

package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.device.ChatroomOperations;
import io.cunkebao.api.device.ContactOperations;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.MessageOperations;
import io.cunkebao.api.device.MomentOperations;
import io.cunkebao.api.device.RawCommand;
import io.cunkebao.api.device.RawReply;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.device.SessionState;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A seat's session: the WebSocket connection for commands and pushes, the REST side with the same
 * token, and the typed operations built on both.
 */
final class WsDeviceSession implements DeviceSession {
  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 1_000;
  private final SeatId seat;
  private final SeatConnection connection;
  private final SeatToken token;
  private final CloudRest rest;
  private final DriverResources resources;
  private final MessageOperations messages = new WsMessages(this);
  private final ChatroomOperations chatrooms = new WsChatrooms(this);
  private final MomentOperations moments = new WsMoments(this);
  private final ContactOperations contacts = new WsContacts(this);
  private CompletableFuture<Void> started;

  WsDeviceSession(SeatCredentials credentials, URI wsUri, URI restBase, DriverResources resources) {
    this.seat = credentials.seat();
    this.resources = resources;
    this.rest = new CloudRest(resources.http(), restBase, resources.config().callTimeout());
    this.token = new SeatToken(rest, credentials);
    PushEvents pushes = new PushEvents(seat.value(), resources.events(), resources.config().clock());
    this.connection = new SeatConnection(seat.value(), wsUri, token, resources, pushes);
  }

  synchronized CompletableFuture<Void> start() {
    if (started == null) {
      started = connection.start();
    }
    return started;
  }

  boolean isOpen() {
    SessionState s = connection.state();
    return s != SessionState.CLOSED && s != SessionState.KICKED;
  }

  @Override
  public SeatId seat() {
    return seat;
  }

  @Override
  public SessionState state() {
    return connection.state();
  }

  @Override
  public MessageOperations messages() {
    return messages;
  }

  @Override
  public ChatroomOperations chatrooms() {
    return chatrooms;
  }

  @Override
  public MomentOperations moments() {
    return moments;
  }

  @Override
  public ContactOperations contacts() {
    return contacts;
  }

  @Override
  public CompletableFuture<Map<Long, Boolean>> aliveStatus(List<Long> wechatAccountIds) {
    if (wechatAccountIds == null || wechatAccountIds.isEmpty()) {
      throw new IllegalArgumentException("wechatAccountIds must have at least one element");
    }
    ObjectNode fields = Json.object();
    wechatAccountIds.forEach(fields.putArray("wechatAccountIds")::add);
    return command("CmdRequestWechatAccountsAliveStatus", fields, true, false).thenApply(frame -> {
      Map<Long, Boolean> alive = new HashMap<>();
      frame.body().path("wechatAccountsAliveStatus").fields()
          .forEachRemaining(e -> alive.put(Long.parseLong(e.getKey()), e.getValue().asBoolean()));
      return alive;
    });
  }

  @Override
  public CompletableFuture<RawReply> call(RawCommand command) {
    return command(command.cmdType(), Json.fromMap(command.fields()), command.readOnly(), command.awaitResult())
        .thenApply(frame -> new RawReply(frame.cmdType(), Json.toMap(frame.body())));
  }

  @Override
  public void close() {
    connection.close();
  }

  DriverResources resources() {
    return resources;
  }

  int inFlight() {
    return connection.inFlight();
  }

  CompletableFuture<Frame> command(String cmdType, ObjectNode fields, boolean readOnly, boolean awaitResult) {
    return connection.call(cmdType, fields, readOnly, awaitResult);
  }

  CompletableFuture<JsonNode> restGet(String path, Map<String, String> query, long account) {
    return token.withToken(t -> rest.get(t, path, query, account));
  }

  CompletableFuture<JsonNode> restPost(String path, JsonNode body, long account) {
    return token.withToken(t -> rest.post(t, path, body, account));
  }

  /** Reads every page of a REST list ({@code pageIndex} from 0, {@code {results[], total}}). */
  <T> CompletableFuture<List<T>> pages(String path, Map<String, String> query, long account, Function<JsonNode, T> item) {
    return page(path, query, account, item, 0, new ArrayList<>());
  }

  private <T> CompletableFuture<List<T>> page(String path, Map<String, String> query, long account, Function<JsonNode, T> item,
      int index, List<T> into) {
    Map<String, String> q = new HashMap<>(query);
    q.put("pageIndex", Integer.toString(index));
    q.put("pageSize", Integer.toString(PAGE_SIZE));
    return restGet(path, q, account).thenCompose(body -> {
      JsonNode results = body.path("results");
      results.forEach(n -> into.add(item.apply(n)));
      long total = body.path("total").asLong(into.size());
      if (results.size() < PAGE_SIZE || into.size() >= total || index + 1 >= MAX_PAGES) {
        return CompletableFuture.completedFuture(List.copyOf(into));
      }
      return page(path, query, account, item, index + 1, into);
    });
  }
}

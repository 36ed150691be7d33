package io.cunkebao.device.ws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The simulated cloud's REST side on the JDK's built-in HTTP server: the token, paged lists
 * ({@code pageIndex}, {@code pageSize}, {@code {results[], total}}), friend requests by phone,
 * moment jobs and contact import. Requests are worked out on the world thread and answered from a
 * timer after the injected latency; no thread waits.
 */
final class SimRestServer {
  private final HttpServer server;
  private final ScheduledExecutorService worldThread;
  private final SimHandlers shared;
  private final SimRestRoutes routes;
  private final Faults faults;

  SimRestServer(int port, @Nullable SSLContext tls, ScheduledExecutorService worldThread, ExecutorService httpThreads, SimHandlers shared,
      Faults faults) throws IOException {
    this.worldThread = worldThread;
    this.shared = shared;
    this.faults = faults;
    this.routes = new SimRestRoutes(shared);
    this.server = tls == null ? HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64) : https(port, tls);
    server.createContext("/", this::handle);
    server.setExecutor(httpThreads);
  }

  private static HttpsServer https(int port, SSLContext tls) throws IOException {
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    return https;
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(1);
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    worldThread.execute(() -> {
      SimRestRoutes.Reply reply = route(path, query, body, auth);
      long delay = faults.answerDelayMs(shared.world.random);
      worldThread.schedule(() -> respond(exchange, reply), delay, TimeUnit.MILLISECONDS);
    });
  }

  private SimRestRoutes.Reply route(String path, Map<String, String> query, String body, String auth) {
    try {
      if (path.equals("token")) {
        return routes.token(form(body));
      }
      String seat = auth == null ? null : shared.world.tokens.get(auth.replaceFirst("(?i)^bearer ", ""));
      if (seat == null) {
        return new SimRestRoutes.Reply(401, shared.replies.object().put("message", "Unauthorized"));
      }
      var injected = faults.takeFailure(path);
      if (injected.isPresent()) {
        return new SimRestRoutes.Reply(200, shared.replies.object().put("code", injected.get().code())
            .put("message", injected.get().message()).put("extra", injected.get().message()));
      }
      JsonNode json = body.isEmpty() ? MissingNode.getInstance() : shared.replies.mapper.readTree(body);
      return routes.api(seat, path, query, json);
    } catch (IOException | RuntimeException e) {
      return new SimRestRoutes.Reply(400, shared.replies.object().put("code", SimReplies.BAD_REQUEST).put("message", e.toString()));
    }
  }

  private void respond(HttpExchange exchange, SimRestRoutes.Reply reply) {
    byte[] bytes = shared.replies.text(reply.body()).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      out.write(bytes);
    } catch (IOException e) {
      exchange.close();
    }
  }

  static Map<String, String> form(String raw) {
    Map<String, String> fields = new HashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          fields.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return fields;
  }

  static ObjectNode page(SimReplies replies, List<ObjectNode> all, Map<String, String> query) {
    int index = Integer.parseInt(query.getOrDefault("pageIndex", "0"));
    int size = Math.max(1, Math.min(1000, Integer.parseInt(query.getOrDefault("pageSize", "20"))));
    ObjectNode out = replies.object().put("total", all.size());
    ArrayNode results = out.putArray("results");
    all.stream().skip((long) index * size).limit(size).forEach(results::add);
    return out;
  }
}

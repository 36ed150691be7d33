package io.cunkebao.device.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.ConnectionLostException;
import io.cunkebao.api.device.DeviceException;
import io.cunkebao.api.device.DeviceTimeoutException;
import io.cunkebao.api.device.SeatCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The cloud's REST side over the JDK's HttpClient: the token, and JSON calls that send {@code
 * Authorization: bearer <token>}. Every request has a timeout; failures become typed errors
 * ({@link DeviceTimeoutException}, {@link ConnectionLostException}, the answer's own error, else
 * {@link CommandRejectedException} with the HTTP status). The token never reaches a log line.
 */
final class CloudRest {
  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  CloudRest(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base;
    this.timeout = timeout;
  }

  /** Gets an access token for a seat ({@code POST token}, password grant). */
  CompletableFuture<String> token(SeatCredentials credentials) {
    String form = form(Map.of("grant_type", "password", "username", credentials.username(), "password", credentials.password()));
    HttpRequest request = HttpRequest.newBuilder(base.resolve("token")).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded").header("client", "kefu-client")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return send("token", request, 0).thenApply(body -> {
      String token = body.path("access_token").asText("");
      if (token.isEmpty()) {
        throw new CommandRejectedException("token", 200, "the answer had no access_token");
      }
      return token;
    });
  }

  CompletableFuture<JsonNode> get(String token, String path, Map<String, String> query, long account) {
    URI uri = base.resolve(path + (query.isEmpty() ? "" : "?" + form(query)));
    return send(path, authorized(uri, token).GET().build(), account);
  }

  CompletableFuture<JsonNode> post(String token, String path, JsonNode body, long account) {
    HttpRequest request = authorized(base.resolve(path), token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return send(path, request, account);
  }

  private HttpRequest.Builder authorized(URI uri, String token) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "bearer " + token).header("client", "system");
  }

  private CompletableFuture<JsonNode> send(String path, HttpRequest request, long account) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle((response, failure) -> {
          if (failure != null) {
            throw new CompletionException(transportError(path, request.uri(), Futures.unwrap(failure)));
          }
          JsonNode body = parse(response.body());
          if (response.statusCode() / 100 != 2) {
            throw new CompletionException(CloudErrors.ofHttp(path, response.statusCode(), body, account));
          }
          CloudErrors.of(path, body, account).ifPresent(e -> {
            throw new CompletionException(e);
          });
          return body;
        });
  }

  private DeviceException transportError(String path, URI target, Throwable failure) {
    if (TlsHandshakeException.tlsCause(failure) != null) {
      return new TlsHandshakeException(path, target.getHost() + ":" + target.getPort(), failure);
    }
    if (failure instanceof HttpTimeoutException) {
      return new DeviceTimeoutException(path, timeout);
    }
    if (failure instanceof IOException) {
      return new ConnectionLostException(path, "REST call failed: " + failure, failure);
    }
    return new ConnectionLostException(path, "REST call failed unexpectedly: " + failure, failure);
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

package io.cunkebao.device.ws;

import io.cunkebao.api.device.CommandRejectedException;
import io.cunkebao.api.device.SeatCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A seat's access token, fetched once and shared by the WebSocket sign-in and the REST calls; a
 * call refused with 401 drops it and tries once more with a fresh one (the seed retried by dropping
 * its cache too, but without bound).
 */
final class SeatToken {
  private final CloudRest rest;
  private final SeatCredentials credentials;
  private CompletableFuture<String> current;

  SeatToken(CloudRest rest, SeatCredentials credentials) {
    this.rest = rest;
    this.credentials = credentials;
  }

  synchronized CompletableFuture<String> get() {
    if (current == null || current.isCompletedExceptionally()) {
      current = rest.token(credentials);
    }
    return current;
  }

  synchronized void invalidate() {
    current = null;
  }

  /** Runs a REST call with the token, once more with a fresh token after a 401. */
  <T> CompletableFuture<T> withToken(Function<String, CompletableFuture<T>> call) {
    return get().thenCompose(call).handle((value, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof CommandRejectedException r && r.code() == 401) {
        invalidate();
        return get().thenCompose(call);
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(f -> f);
  }
}

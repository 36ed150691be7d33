package io.cunkebao.device.ws;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the driver's URI: the WebSocket endpoint and the REST base, with errors naming the part. */
final class CloudUris {
  private CloudUris() {}

  static URI webSocket(URI uri) {
    String scheme = uri.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
      throw new IllegalArgumentException("device cloud URI scheme must be ws or wss but was '" + scheme + "' in " + redacted(uri));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("device cloud URI has no host: " + redacted(uri));
    }
    try {
      return new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("device cloud URI is malformed: " + redacted(uri), e);
    }
  }

  static URI rest(URI uri) {
    String query = uri.getRawQuery();
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("rest=")) {
          URI rest = URI.create(URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8));
          if (!"http".equals(rest.getScheme()) && !"https".equals(rest.getScheme())) {
            throw new IllegalArgumentException("the rest parameter must be an http or https URI but was '" + rest.getScheme() + "'");
          }
          return rest.getPath() == null || rest.getPath().endsWith("/") ? rest : URI.create(rest + "/");
        }
      }
    }
    String scheme = "wss".equals(uri.getScheme()) ? "https" : "http";
    return URI.create(scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/");
  }

  /** The URI without its query, which might carry secrets someone put there. */
  static String redacted(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
  }
}

package io.cunkebao.queue.redis;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link RedisQueueDriver} connects: the Redis URI and the driver's own options.
 *
 * <p>From a URI such as {@code redis://user:secret@host:6379/0?namespace=tenant-a&commandTimeout=2s},
 * the options below are taken out of the query and the rest is handed to the Redis client
 * unchanged ({@code rediss://} for TLS, {@code redis-sentinel://host:26379/0#mymaster} for
 * Sentinel, {@code timeout}, {@code database}, {@code clientName}, {@code verifyPeer} ...).
 *
 * @param redisUri the URI for the Redis client, without the driver's options
 * @param namespace the namespace: every key of it shares the hash tag {@code {namespace}}, so one
 *     namespace lives on one Cluster slot and different namespaces spread over the masters
 * @param commandTimeout how long any command may take; producers get a {@link
 *     io.cunkebao.api.QueueUnavailableException} after it (option {@code commandTimeout}, default 2 s)
 * @param requestQueueSize the most commands waiting to be written per connection; more fail at
 *     once instead of piling up in memory (option {@code requestQueueSize}, default 10,000)
 * @param memoryPolicyCheck the start-up check of {@code maxmemory-policy} (option {@code
 *     maxmemoryPolicyCheck}: {@code off}, {@code warn} (default) or {@code fail})
 * @param trustedCaFile for {@code rediss://}: a PEM file of the CA certificates to trust instead of
 *     the JDK's default trust store (option {@code caFile}); either way the server's certificate
 *     and host name are verified unless the URI says {@code verifyPeer=NONE}; null for the default
 * @param cluster whether the URI ({@code redis://} or {@code rediss://}) names a seed node of a
 *     Redis Cluster (option {@code cluster=true}); each namespace then lives on the master that
 *     serves its hash slot
 */
public record RedisQueueSettings(
    String redisUri, String namespace, Duration commandTimeout, int requestQueueSize, MemoryPolicyCheck memoryPolicyCheck,
    @Nullable Path trustedCaFile, boolean cluster) {
  /** The namespace when none is given: {@value}. */
  public static final String DEFAULT_NAMESPACE = "cunkebao";
  /** The command timeout when none is given: 2 seconds. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
  /** The request queue bound when none is given: {@value}. */
  public static final int DEFAULT_REQUEST_QUEUE_SIZE = 10_000;

  /** Checks the values. */
  public RedisQueueSettings {
    Objects.requireNonNull(redisUri, "redisUri");
    Objects.requireNonNull(memoryPolicyCheck, "memoryPolicyCheck");
    if (namespace == null || namespace.isEmpty() || namespace.length() > 64 || !namespace.matches("[A-Za-z0-9._:-]+")) {
      throw new IllegalArgumentException("namespace must be 1 to 64 characters of [A-Za-z0-9._:-] but was " + namespace);
    }
    if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive but was " + commandTimeout);
    }
    if (requestQueueSize < 1) {
      throw new IllegalArgumentException("requestQueueSize must be at least 1 but was " + requestQueueSize);
    }
  }

  /**
   * Settings with the defaults for a Redis URI and a namespace.
   *
   * @param redisUri such as {@code redis://localhost:6379}
   * @param namespace the namespace
   * @return the settings
   */
  public static RedisQueueSettings of(String redisUri, String namespace) {
    return new RedisQueueSettings(redisUri, namespace, DEFAULT_COMMAND_TIMEOUT, DEFAULT_REQUEST_QUEUE_SIZE, MemoryPolicyCheck.WARN, null, false);
  }

  /**
   * These settings, trusting the CA certificates of a PEM file for {@code rediss://}.
   *
   * @param caFile a PEM file of CA certificates
   * @return the new settings
   */
  public RedisQueueSettings withTrustedCaFile(Path caFile) {
    return new RedisQueueSettings(redisUri, namespace, commandTimeout, requestQueueSize, memoryPolicyCheck,
        Objects.requireNonNull(caFile, "caFile"), cluster);
  }

  /**
   * Reads the settings from a queue URI, taking the driver's options out of its query.
   *
   * @param uri a {@code redis}, {@code rediss}, {@code redis-sentinel} or {@code rediss-sentinel} URI
   * @return the settings
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static RedisQueueSettings fromUri(URI uri) {
    Objects.requireNonNull(uri, "uri");
    Map<String, String> rest = new LinkedHashMap<>();
    String namespace = DEFAULT_NAMESPACE;
    Duration timeout = DEFAULT_COMMAND_TIMEOUT;
    int queueSize = DEFAULT_REQUEST_QUEUE_SIZE;
    MemoryPolicyCheck check = MemoryPolicyCheck.WARN;
    Path caFile = null;
    boolean cluster = false;
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        switch (name) {
          case "namespace" -> namespace = value;
          case "commandTimeout" -> timeout = parseDuration("commandTimeout", value);
          case "requestQueueSize" -> queueSize = parseInt("requestQueueSize", value);
          case "maxmemoryPolicyCheck" -> check = parseCheck(value);
          case "caFile" -> caFile = Path.of(value);
          case "cluster" -> cluster = parseBoolean("cluster", value);
          default -> rest.put(name, eq < 0 ? null : pair.substring(eq + 1));
        }
      }
    }
    return new RedisQueueSettings(withQuery(uri, rest), namespace, timeout, queueSize, check, caFile, cluster);
  }

  /**
   * Parses a duration such as {@code 2s}, {@code 500ms}, {@code 1m}, a number of milliseconds, or
   * an ISO-8601 duration ({@code PT2S}).
   */
  static Duration parseDuration(String option, String text) {
    try {
      String t = text.trim().toLowerCase(Locale.ROOT);
      if (t.startsWith("pt") || t.startsWith("p")) {
        return Duration.parse(text.trim());
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.ofMillis(Long.parseLong(t));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " must be a duration such as 2s or 500ms but was '" + text + "'", e);
    }
  }

  private static boolean parseBoolean(String option, String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(option + " must be true or false but was '" + text + "'");
    };
  }

  private static int parseInt(String option, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number but was '" + text + "'", e);
    }
  }

  private static MemoryPolicyCheck parseCheck(String text) {
    try {
      return MemoryPolicyCheck.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("maxmemoryPolicyCheck must be off, warn or fail but was '" + text + "'", e);
    }
  }

  private static String withQuery(URI uri, Map<String, String> query) {
    String text = uri.toString();
    int start = text.indexOf('?');
    if (start < 0) {
      return text;
    }
    int fragment = text.indexOf('#', start);
    String tail = fragment < 0 ? "" : text.substring(fragment);
    StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> joined.add(value == null ? name : name + "=" + value));
    return text.substring(0, start) + joined + tail;
  }

  /** Hides the password, if the URI has one. */
  @Override
  public String toString() {
    return "RedisQueueSettings[" + redisUri.replaceAll("//[^@/]*@", "//***@") + ", namespace " + namespace
        + ", commandTimeout " + commandTimeout + ", requestQueueSize " + requestQueueSize + ", " + memoryPolicyCheck
        + (trustedCaFile == null ? "" : ", trusting the CAs in " + trustedCaFile) + (cluster ? ", cluster" : "") + "]";
  }
}

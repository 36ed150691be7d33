package io.cunkebao.benchmarks;

import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-process ceiling for a Redis queue: the reliable-queue pattern with nothing else. A
 * producer {@code LPUSH}es a value; each of {@code consumers} threads {@code BLMOVE}s the oldest
 * value to a processing list (so a crashed consumer's item is not lost), runs the no-op, then
 * {@code LREM}s it (the ack) and signals. Three round trips per task, no state, no metrics, no
 * retention, no idempotency: what the engine's bookkeeping is measured against.
 *
 * <p>Producers share one connection (Lettuce pipelines the commands of all threads, as the driver
 * does); each consumer blocks on a connection of its own, as a blocking pop needs.
 */
final class RawLettuceSink implements NoopSink {
  private static final String READY = "raw:ready";
  private static final String PROCESSING = "raw:processing";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> producerConnection;
  private final List<Thread> consumers = new ArrayList<>();
  private final List<StatefulRedisConnection<String, String>> consumerConnections = new ArrayList<>();
  private final List<CompletionSignal> signals;
  private volatile boolean closed;

  RawLettuceSink(String uri, int concurrency, List<CompletionSignal> signals, boolean start) {
    this.signals = signals;
    client = RedisClient.create(uri);
    producerConnection = client.connect();
    producerConnection.sync().del(READY, PROCESSING);
    if (start) {
      for (int i = 0; i < concurrency; i++) {
        StatefulRedisConnection<String, String> connection = client.connect();
        consumerConnections.add(connection);
        Thread consumer = new Thread(() -> consume(connection.sync()), "raw-consumer-" + i);
        consumer.setDaemon(true);
        consumers.add(consumer);
        consumer.start();
      }
    }
  }

  @Override
  public void submit(int producer) {
    // the value names the producer, so that the consumer can signal it; one digit, MAX_PRODUCERS <= 10
    producerConnection.sync().lpush(READY, Character.toString('0' + producer));
  }

  private void consume(RedisCommands<String, String> redis) {
    LMoveArgs oldestFirst = LMoveArgs.Builder.rightLeft();
    while (!closed) {
      String value = redis.blmove(READY, PROCESSING, oldestFirst, 0.2); // short: close() waits for it
      if (value != null) {
        redis.lrem(PROCESSING, 1, value); // values repeat, but any one equal value is the same ack
        signals.get(value.charAt(0) - '0').completed();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread consumer : consumers) {
      try {
        consumer.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    consumerConnections.forEach(StatefulRedisConnection::close);
    producerConnection.close();
    client.shutdown();
  }
}

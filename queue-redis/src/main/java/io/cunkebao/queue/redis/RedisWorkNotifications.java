package io.cunkebao.queue.redis;

import io.cunkebao.api.QueueUnavailableException;
import io.cunkebao.api.spi.WorkNotifications;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes idle workers: every script that makes work claimable appends to the namespace's wake
 * stream, and one background thread per driver blocks on it server-side ({@code XREAD BLOCK},
 * at most {@link RedisLink#BLOCK} per call) on a connection of its own, then runs the subscribers.
 *
 * <p>Why a stream and not a list pop: a pop hands each marker to one reader, so with several
 * engines on one namespace an enqueue would wake only one of them; every reader of a stream sees
 * every entry. The stream is capped at 64 entries; a reader that fell behind reads from the oldest
 * one left, and one wake-up stands for any number of entries.
 *
 * <p>The thread starts with the first subscription. After a failure (Redis restarting, say) it
 * tries again after a growing pause (50 ms up to 1 s) set on a timer, and wakes the subscribers
 * once it reads again, since work may have arrived unseen.
 */
final class RedisWorkNotifications implements WorkNotifications, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisWorkNotifications.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  private static final Duration LAST_PAUSE = Duration.ofSeconds(1);

  private final RedisLink link;
  private final byte[] stream;
  private final BiFunction<Collection<String>, Instant, Optional<Instant>> nextDue;
  private final String threadName;
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
  private @Nullable ScheduledExecutorService reader;
  private @Nullable SyncConnection connection;
  private @Nullable String lastId;
  private Duration pause = FIRST_PAUSE;
  private volatile boolean closed;

  RedisWorkNotifications(RedisLink link, RedisKeys keys, BiFunction<Collection<String>, Instant, Optional<Instant>> nextDue) {
    this.link = link;
    this.stream = keys.wake();
    this.nextDue = nextDue;
    this.threadName = "cunkebao-redis-wake-" + keys.prefix();
  }

  @Override
  public AutoCloseable subscribe(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    startOnce();
    return () -> listeners.remove(listener);
  }

  @Override
  public Optional<Instant> nextDueAt(Collection<String> queues, Instant now) {
    return nextDue.apply(queues, now);
  }

  private synchronized void startOnce() {
    if (reader != null || closed) {
      return;
    }
    reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    reader.execute(this::readOnce);
  }

  /** One blocking read; then the next is queued at once, or after a pause when it failed. */
  private void readOnce() {
    if (closed) {
      return;
    }
    try {
      List<StreamMessage<byte[], byte[]>> entries = read();
      pause = FIRST_PAUSE;
      if (!entries.isEmpty()) {
        lastId = entries.get(entries.size() - 1).getId();
        fire();
      }
      next(Duration.ZERO);
    } catch (RedisException | QueueUnavailableException e) {
      if (closed) {
        return;
      }
      LOG.debug("work notifications of {} could not read the wake stream; trying again in {}", threadName, pause, e);
      lastId = null; // re-read the position and wake everyone: entries may have been missed
      next(pause);
      pause = pause.multipliedBy(2).compareTo(LAST_PAUSE) > 0 ? LAST_PAUSE : pause.multipliedBy(2);
    }
  }

  @SuppressWarnings("unchecked") // Lettuce's xread takes a generic varargs of stream offsets; one is passed
  private List<StreamMessage<byte[], byte[]>> read() {
    SyncConnection c = connection;
    if (c == null) {
      c = link.connectBlocking();
      connection = c;
    }
    if (lastId == null) {
      List<StreamMessage<byte[], byte[]>> newest = c.commands().xrevrange(stream, Range.unbounded(), Limit.from(1));
      lastId = newest.isEmpty() ? "0-0" : newest.get(0).getId();
      fire();
    }
    List<StreamMessage<byte[], byte[]>> entries = c.commands().xread(
        XReadArgs.Builder.block(RedisLink.BLOCK).count(1_000), XReadArgs.StreamOffset.from(stream, lastId));
    return entries == null ? List.of() : entries;
  }

  private void next(Duration delay) {
    ScheduledExecutorService executor = reader;
    if (executor == null || closed) {
      return;
    }
    try {
      executor.schedule(this::readOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: the executor no longer takes work, and nothing needs to be read any more
    }
  }

  private void fire() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("work listener {} failed; the notification thread goes on", listener, e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    listeners.clear();
    ScheduledExecutorService executor;
    synchronized (this) {
      executor = reader;
    }
    if (executor != null) {
      executor.shutdownNow();
      try {
        // the reader may be inside a blocking read of at most BLOCK plus the command timeout
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    SyncConnection c = connection;
    if (c != null) {
      c.close();
    }
  }
}

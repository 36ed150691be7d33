package io.cunkebao.device.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.device.DeviceBusyException;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.MessageContent;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.SentMessage;
import io.cunkebao.device.ws.sim.PhoneAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many calls in flight on one multiplexed session, answered out of order, each correlated to its own answer. */
class ConcurrencyIT extends SimulatorFixture {

  @Test
  void correlatesAThousandConcurrentCalls() throws Exception {
    start();
    DeviceSession session = open(0);
    long account = account(0, 0);
    List<Long> friends = sim.view().friendIds(account);
    sim.faults().latency(Duration.ZERO, Duration.ofMillis(40));

    long started = System.nanoTime();
    List<CompletableFuture<Map<Long, Boolean>>> reads = new ArrayList<>();
    List<CompletableFuture<SentMessage>> sends = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      reads.add(session.aliveStatus(List.of(account, 9_000_000L + i)));
      OutgoingMessage m = OutgoingMessage.toFriend(account, friends.get(i % friends.size()), new MessageContent.Text("msg-" + i));
      sends.add(session.messages().send(m.withClientMessageId("c-" + i)));
    }
    CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.println("1,000 concurrent calls (500 reads + 500 sends with Results) completed in " + elapsedMs + " ms");

    for (int i = 0; i < 500; i++) {
      assertThat(reads.get(i).join()).containsOnlyKeys(account, 9_000_000L + i).containsEntry(9_000_000L + i, false);
    }
    Map<Long, String> textById = sim.record().ofKind("message").stream()
        .collect(Collectors.toMap(a -> Long.parseLong(a.clientMessageId().substring(2)), PhoneAction::detail));
    assertThat(textById).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(textById.get((long) i)).isEqualTo("1:msg-" + i);
    }
    List<Long> ids = sends.stream().map(f -> f.join().messageId()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(elapsedMs).isLessThan(20_000);
  }

  @Test
  void refusesCallsBeyondTheOutboundQueueWithBackpressure() throws Exception {
    start(options(), config().withLimits(1, 1 << 20));
    DeviceSession session = open(0);
    long account = account(0, 0);
    List<CompletableFuture<Map<Long, Boolean>>> calls = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      calls.add(session.aliveStatus(List.of(account)));
    }
    List<Throwable> failures = calls.stream().map(f -> f.handle((ok, e) -> e).join()).filter(e -> e != null).toList();
    Map<Class<?>, Long> kinds = failures.stream().map(e -> e instanceof CompletionException c ? c.getCause() : e)
        .collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
    assertThat(kinds.keySet()).allMatch(k -> k == DeviceBusyException.class);
    assertThat(kinds.getOrDefault(DeviceBusyException.class, 0L)).isPositive();
    assertThat(calls.stream().filter(f -> !f.isCompletedExceptionally()).count()).isPositive();
    assertThat(session.aliveStatus(List.of(account)).get(5, TimeUnit.SECONDS)).containsEntry(account, true);
  }
}

package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.TaskEnvelope;
import io.cunkebao.core.InMemoryQueueDriverProvider;
import io.cunkebao.core.engine.TestPayloads.Msg;
import io.cunkebao.core.engine.TestPayloads.Strict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a crashed worker, a node that does not know a type, and a payload that no longer binds do
 * to an engine that shares the queue: the task is recovered or dead-lettered with its reason, and
 * the engine keeps running other work.
 */
class RecoveryAndBadDataTest {
  private final QueueDriver shared = new InMemoryQueueDriverProvider().open(URI.create("memory:default"), QueueDriverConfig.defaults(ZoneOffset.UTC));
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final TaskType<Msg> record = TaskType.of("test:record", Msg.class, (p, ctx) -> ran.add(p.text() + "@" + ctx.attempt()));
  private final TaskType<Strict> strict = TaskType.of("friend:add", Strict.class, (p, ctx) -> ran.add(p.phone()));
  private final EngineFixture fx = EngineFixture.start(b -> b.queue(shared).taskTypes(record, strict));

  @AfterEach
  void close() {
    fx.close();
    shared.close();
  }

  @Test
  void crashedWorkersTask_claimedAgainAfterLeaseExpires() {
    fx.engine.pauseQueue("default");
    TaskId id = fx.submit(TaskRequest.of(record, new Msg("x")));
    fx.engine.resumeQueue("default");
    // Another node claims it and dies without a word.
    shared.claim(new ClaimRequest(List.of("default"), 1, Duration.ofSeconds(30), "dead-node", Map.of(), fx.clock.instant()));
    fx.runUntilIdle();
    assertThat(ran).isEmpty();

    fx.advance(Duration.ofSeconds(31));

    assertThat(ran).containsExactly("x@2");
    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void taskThatKeepsKillingWorkers_deadLetteredOnceAttemptsRunOut() {
    fx.engine.pauseQueue("default");
    TaskId id = fx.submit(TaskRequest.of(record, new Msg("poison")));
    for (int i = 0; i < 4; i++) { // the seed policy allows 4 runs; each claim dies
      fx.clock.advance(Duration.ofSeconds(31));
      shared.resumeQueue("default");
      assertThat(shared.claim(new ClaimRequest(List.of("default"), 1, Duration.ofSeconds(30), "dying-node", Map.of(), fx.clock.instant()))).hasSize(1);
      shared.pauseQueue("default");
    }
    fx.engine.resumeQueue("default");
    fx.advance(Duration.ofSeconds(31));

    assertThat(ran).isEmpty();
    assertThat(fx.status(id)).isEqualTo(TaskStatus.FAILED);
    assertThat(fx.info(id).lastError()).contains("attempt 5 exceeds the 4 allowed");
  }

  @Test
  void typeUnknownToThisEngine_deadLetteredWithReasonAndEngineGoesOn() {
    shared.enqueue(envelope("other:type", "{\"text\":\"x\"}"), fx.clock.instant());
    TaskId fine = fx.submit(TaskRequest.of(record, new Msg("fine")));
    fx.runUntilIdle();

    var dead = fx.engine.deadLetters("default", 10);
    assertThat(dead).singleElement().satisfies(t -> {
      assertThat(t.type()).isEqualTo("other:type");
      assertThat(t.lastError()).contains("unknown task type 'other:type' on this engine");
    });
    assertThat(fx.status(fine)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(fx.events.engineErrors()).isEmpty();
  }

  @Test
  void payloadThatNoLongerBinds_deadLetteredNamingTheField() {
    TaskEnvelope bad = envelope("friend:add", "{\"phone\":\"12\"}");
    shared.enqueue(bad, fx.clock.instant());
    TaskEnvelope malformed = envelope("friend:add", "{not json");
    shared.enqueue(malformed, fx.clock.instant());
    fx.runUntilIdle();

    assertThat(fx.info(bad.id()).lastError()).contains("payload does not bind to " + Strict.class.getName()).contains("phone must be 11 digits");
    assertThat(fx.status(malformed.id())).isEqualTo(TaskStatus.FAILED);
    assertThat(fx.events.kinds(bad.id())).containsExactly(Kind.STARTED, Kind.DEAD_LETTERED);
    fx.submit(TaskRequest.of(strict, new Strict("13800138000")));
    assertThat(ran).containsExactly("13800138000");
  }

  private TaskEnvelope envelope(String type, String json) {
    return new TaskEnvelope(TaskId.generate(fx.clock.instant()), "default", type, json.getBytes(StandardCharsets.UTF_8),
        0, fx.clock.instant(), fx.clock.instant(), null, Set.of(), Map.of());
  }
}

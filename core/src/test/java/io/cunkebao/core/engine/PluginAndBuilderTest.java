package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.DuplicateTaskTypeException;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.Schedulers;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginAndBuilderTest {

  @Test
  void discoverPlugins_findsServiceLoaderProviders() {
    try (EngineFixture fx = EngineFixture.start(b -> b.discoverPlugins(getClass().getClassLoader()))) {
      TaskId id = fx.submit(TaskRequest.builder("plugin:greet", new Msg("hi")).build());
      assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
      assertThat(fx.engine.schedules().get("plugin-greet-daily").orElseThrow().nextFireTime())
          .isEqualTo(java.time.Instant.parse("2026-01-06T02:00:00Z"));
    }
  }

  @Test
  void twoPluginsClaimOneType_buildFailsNamingBothClasses() {
    assertThatThrownBy(() -> Schedulers.builder()
            .discoverPlugins(getClass().getClassLoader())
            .plugin(new ClashingPlugin())
            .build())
        .isInstanceOf(DuplicateTaskTypeException.class)
        .hasMessageContaining("plugin:greet")
        .hasMessageContaining(GreetingPlugin.class.getName())
        .hasMessageContaining(ClashingPlugin.class.getName());
  }

  @Test
  void typeRegisteredTwiceOnBuilder_buildFails() {
    TaskType<Msg> a = TaskType.of("x:y", Msg.class, (p, ctx) -> {});
    assertThatThrownBy(() -> Schedulers.builder().taskTypes(a, a).build())
        .isInstanceOf(DuplicateTaskTypeException.class)
        .hasMessageContaining("'x:y' is registered twice");
  }

  @Test
  void builder_invalidValues_failNamingTheOption() {
    var b = Schedulers.builder();
    assertThatThrownBy(() -> b.maxConcurrency(0)).hasMessage("maxConcurrency must be 1 to 10000 but was 0");
    assertThatThrownBy(() -> b.leaseDuration(Duration.ofMillis(10))).hasMessageContaining("leaseDuration must be at least 1 s");
    assertThatThrownBy(() -> b.pollInterval(Duration.ZERO)).hasMessageContaining("pollInterval must be positive");
    assertThatThrownBy(() -> b.shutdownTimeout(Duration.ofSeconds(-1))).hasMessageContaining("shutdownTimeout");
    assertThatThrownBy(() -> b.maxPayloadBytes(-1)).hasMessageContaining("maxPayloadBytes");
    assertThatThrownBy(() -> b.resourceLimit("Account!", 1)).hasMessageContaining("resource kind");
    assertThatThrownBy(() -> b.resourceLimit("account", 0)).hasMessageContaining("resourceLimit for account");
    assertThatThrownBy(() -> b.consume("bad queue")).hasMessageContaining("queue name");
    assertThatThrownBy(() -> b.queueUri("no-scheme")).hasMessageContaining("queueUri must have a scheme");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
  }

  @Test
  void builder_queueDriverAndUriTogether_conflict() {
    assertThatThrownBy(() -> Schedulers.builder().queueUri("memory:").queue(new io.cunkebao.core.InMemoryQueueDriverProvider()
            .open(java.net.URI.create("memory:default"), io.cunkebao.api.spi.QueueDriverConfig.defaults(java.time.ZoneOffset.UTC))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be set together");
  }

  @Test
  void builder_unknownScheme_failsNamingIt() {
    assertThatThrownBy(() -> Schedulers.builder().queueUri("kafka://x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no queue driver for scheme 'kafka'")
        .hasMessageContaining("memory");
  }

  @Test
  void start_twice_fails() {
    try (EngineFixture fx = EngineFixture.start(b -> {})) {
      assertThatThrownBy(fx.engine::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
    }
  }

  @Test
  void throwingListener_isIsolated() {
    TaskType<Msg> ok = TaskType.of("t:ok", Msg.class, (p, ctx) -> {});
    TaskListener broken = new TaskListener() {
      @Override
      public void onTaskEvent(TaskEvent event) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (EngineFixture fx = EngineFixture.start(b -> b.taskTypes(ok).listener(broken))) {
      TaskId id = fx.submit(TaskRequest.of(ok, new Msg("x")));
      assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
      assertThat(fx.events.kinds(id)).contains(TaskEvent.Kind.SUCCEEDED);
    }
  }

  @Test
  void realThreads_defaultExecutors_runToCompletion() throws Exception {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(20);
    TaskType<Msg> ok = TaskType.of("t:ok", Msg.class, (p, ctx) -> done.countDown());
    try (var engine = Schedulers.builder().taskTypes(ok).build()) {
      engine.start();
      for (int i = 0; i < 20; i++) {
        engine.submit(TaskRequest.of(ok, new Msg("m" + i)));
      }
      assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }
}

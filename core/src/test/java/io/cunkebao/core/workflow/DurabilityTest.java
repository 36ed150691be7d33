package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.core.internal.workflow.StepPayload;
import io.cunkebao.core.internal.workflow.WorkflowRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instances survive restarts and crashes; each step is enqueued once and never runs again once done. */
class DurabilityTest {
  private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");
  private static final WorkflowDefinition THREE_STEPS = WorkflowDefinition.parse("three.yaml", """
      name: three
      trigger: manual
      steps:
        - id: first
          type: friend:accept
          params: { who: "{who}" }
        - id: second
          type: message:send
          delay: 1h
          params: { to: "{who}", text: "hello" }
          retry: [10s]
        - id: third
          type: friend:tag
          delay: 1h
          params: { who: "{who}" }
      """);

  @Test
  void aNewEngineSharingOnlyTheQueueAndTheStore_resumesTheInstanceAtTheNextStep() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS).start()) {
      String id = f.startInstance("three", Map.of("who", "wx1"));
      assertThat(f.steps.order()).containsExactly("friend:accept");

      f.restart();
      f.advance(Duration.ofHours(3));

      assertThat(f.steps.order()).containsExactly("friend:accept", "message:send", "friend:tag");
      assertThat(f.steps.of("message:send").get(0).at()).isEqualTo(T0.plus(Duration.ofHours(1)));
      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void aCompletedStepNeverRunsAgain_evenWhenItsTaskIsDeliveredTwice() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS).start()) {
      String id = f.startInstance("three", Map.of("who", "wx1"));
      // A redelivered (or forged) task for the finished first step: it only makes sure the current one is queued.
      f.engine.submit(TaskRequest.builder(WorkflowRuntime.STEP_TYPE, new StepPayload(id, 0, false, 0)).build());
      f.manual.runUntilIdle();
      f.advance(Duration.ofHours(3));

      assertThat(f.steps.order()).containsExactly("friend:accept", "message:send", "friend:tag");
    }
  }

  @Test
  void aStepTaskTheEngineRefusesToRun_failsTheInstanceInsteadOfLeavingItWaiting() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS).start()) {
      String id = f.startInstance("three", Map.of("who", "wx1"));
      f.queue.pauseQueue("default");
      f.advance(Duration.ofHours(1)); // the second step falls due while no engine may claim it
      for (int crash = 0; crash < 2; crash++) { // its retry policy allows two runs; each one's worker dies
        f.clock.advance(Duration.ofSeconds(31));
        f.queue.resumeQueue("default");
        assertThat(f.queue.claim(new io.cunkebao.api.spi.ClaimRequest(java.util.List.of("default"), 1,
            Duration.ofSeconds(30), "dying-node", Map.of(), f.clock.instant()))).hasSize(1);
        f.queue.pauseQueue("default");
      }
      f.queue.resumeQueue("default");
      f.advance(Duration.ofSeconds(31)); // the engine claims attempt 3 and dead-letters it unrun

      assertThat(f.steps.order()).containsExactly("friend:accept");
      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.FAILED);
    }
  }

  @Test
  void eachStepIsEnqueuedOnce_underAFixedTaskId() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS).start()) {
      String id = f.startInstance("three", Map.of("who", "wx1"));
      f.advance(Duration.ofHours(3));

      for (int step = 0; step < 3; step++) {
        assertThat(f.engine.status(io.cunkebao.api.TaskId.of("wf:" + id + ":" + step + ":0"))).isPresent();
      }
    }
  }

  @Test
  void aCrashBetweenTheStateWriteAndTheNextEnqueue_isRepairedByTheRetry_withoutRunningTheStepAgain() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS)
        .start(b -> b.defaultPolicy(io.cunkebao.api.TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofSeconds(30)))))) {
      // The first step's completion is written, then the engine "dies" before enqueueing the second.
      f.store.crashAfterNextWriteContaining("\"step\":1");
      String id = f.startInstance("three", Map.of("who", "wx1"));
      f.advance(Duration.ofMinutes(1));
      f.steps.calls.clear();
      f.advance(Duration.ofHours(1));

      assertThat(f.steps.order()).containsExactly("message:send");
      assertThat(f.engine.status(io.cunkebao.api.TaskId.of("wf:" + id + ":0:0")).orElseThrow().attempts())
          .as("the first step's task ran a second attempt after the simulated crash").isEqualTo(2);
      f.advance(Duration.ofHours(2));
      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void twoEnginesOnOneQueueAndStore_runEachStepOnce() {
    try (WorkflowFixture f = new WorkflowFixture(T0, THREE_STEPS).start()) {
      Workflows first = f.workflows;
      f.start();
      String id = first.start("three", Map.of("who", "wx1"));
      f.advance(Duration.ofHours(3));

      assertThat(f.steps.order()).containsExactly("friend:accept", "message:send", "friend:tag");
      assertThat(f.workflows.instance(id)).get().extracting(WorkflowInstance::status).isEqualTo(WorkflowStatus.COMPLETED);
    }
  }
}

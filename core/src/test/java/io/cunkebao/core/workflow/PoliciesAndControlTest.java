package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Per-step retry and timeout, on-failure steps, safe templates, and cancel / pause / resume. */
class PoliciesAndControlTest {
  private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");
  private static final WorkflowDefinition FLAKY = WorkflowDefinition.parse("flaky.yaml", """
      name: flaky
      trigger: manual
      steps:
        - id: push
          type: crm:push
          retry: [10s, 20s]
          onFailure:
            id: alert
            type: ops:alert
            params: { text: "crm push failed for {who}" }
        - id: tag
          type: friend:tag
          params: { who: "{who}" }
      """);

  @Test
  void aStepIsRetriedByItsOwnPolicy_thenFollowsItsOnFailureStep_andTheInstanceGoesOn() {
    try (WorkflowFixture f = new WorkflowFixture(T0, FLAKY).start()) {
      f.steps.answer("crm:push", p -> {
        throw new IllegalStateException("crm down");
      });
      String id = f.startInstance("flaky", Map.of("who", "wx1"));
      f.advance(Duration.ofSeconds(29));
      assertThat(f.steps.of("crm:push")).hasSize(2);
      f.advance(Duration.ofSeconds(2));

      assertThat(f.steps.of("crm:push")).extracting(FakeSteps.Call::at).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(30));
      assertThat(f.steps.of("ops:alert")).singleElement().satisfies(c -> assertThat(c.params()).containsEntry("text", "crm push failed for wx1"));
      WorkflowInstance instance = f.instance(id);
      assertThat(instance.status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(instance.history()).extracting(o -> o.step() + ":" + o.outcome())
          .containsExactly("push:failed", "alert:completed", "tag:completed");
      assertThat(instance.history().get(0).detail()).contains("crm down");
    }
  }

  @Test
  void aFailedStepWithoutOnFailure_failsTheInstance_namingTheStep() {
    WorkflowDefinition once = WorkflowDefinition.parse("once.yaml", "name: once\ntrigger: manual\nsteps:\n  - id: push\n    type: crm:push\n    retry: none\n  - id: tag\n    type: friend:tag\n");
    try (WorkflowFixture f = new WorkflowFixture(T0, once).start()) {
      f.steps.answer("crm:push", p -> {
        throw new IllegalStateException("crm down");
      });
      String id = f.startInstance("once", Map.of());

      WorkflowInstance instance = f.instance(id);
      assertThat(instance.status()).isEqualTo(WorkflowStatus.FAILED);
      assertThat(instance.error()).startsWith("once.yaml:4: workflow 'once' step 'push' failed: IllegalStateException: crm down");
      assertThat(f.steps.of("friend:tag")).isEmpty();
    }
  }

  @Test
  void aStepThatOverrunsItsTimeout_onItsLastAttempt_failsTheInstance() {
    WorkflowDefinition slow = WorkflowDefinition.parse("slow.yaml", "name: slow\ntrigger: manual\nsteps:\n  - id: hang\n    type: crm:push\n    timeout: 5s\n    retry: none\n");
    try (WorkflowFixture f = new WorkflowFixture(T0, slow).start()) {
      f.steps.answer("crm:push", p -> new CompletableFuture<>()); // never completes
      String id = f.startInstance("slow", Map.of());
      f.advance(Duration.ofSeconds(4));
      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.RUNNING);
      f.advance(Duration.ofSeconds(20));

      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.FAILED);
      // Whichever records it first (the step's own timeout watch, or the engine's dead letter seen
      // by the runner's listener), the instance fails naming the step and the timeout.
      assertThat(f.instance(id).error()).contains("step 'hang' failed").containsPattern("timeout|timed out after PT5S");
    }
  }

  @Test
  void aValueIsNeverReadAsATemplate_andAnUnknownVariableFailsTheStepClearly() {
    WorkflowDefinition greet = WorkflowDefinition.parse("greet.yaml",
        "name: greet\ntrigger: manual\nsteps:\n  - id: hi\n    type: message:send\n    params: { text: \"Hi {nickname}, today is {date} {{literal}}\" }\n");
    try (WorkflowFixture f = new WorkflowFixture(T0, greet).start()) {
      f.startInstance("greet", Map.of("nickname", "{date}{steps.x}"));
      assertThat(f.steps.of("message:send").get(0).params()).containsEntry("text", "Hi {date}{steps.x}, today is 2026-01-05 {literal}");

      String id = f.startInstance("greet", Map.of());
      assertThat(f.instance(id).status()).isEqualTo(WorkflowStatus.FAILED);
      assertThat(f.instance(id).error()).contains("step 'hi'").contains("template variable 'nickname' is not known");
    }
  }

  @Test
  void pausedInstancesWait_resumedOnesRunTheDueStep_cancelledOnesStop() {
    WorkflowDefinition slow = WorkflowDefinition.parse("drip.yaml", """
        name: drip
        trigger: manual
        steps:
          - { id: a, type: friend:accept, delay: 1h }
          - { id: b, type: message:send, delay: 1h }
        """);
    try (WorkflowFixture f = new WorkflowFixture(T0, slow).start()) {
      String paused = f.startInstance("drip", Map.of());
      String cancelled = f.startInstance("drip", Map.of());
      assertThat(f.workflows.pause(paused).status()).isEqualTo(WorkflowStatus.PAUSED);
      assertThat(f.workflows.cancel(cancelled).status()).isEqualTo(WorkflowStatus.CANCELLED);
      f.advance(Duration.ofHours(5));
      assertThat(f.steps.calls).isEmpty();

      assertThat(f.workflows.resume(paused).status()).isEqualTo(WorkflowStatus.RUNNING);
      f.manual.runUntilIdle();
      assertThat(f.steps.of("friend:accept")).extracting(FakeSteps.Call::at).containsExactly(T0.plus(Duration.ofHours(5)));
      f.advance(Duration.ofHours(1));
      assertThat(f.instance(paused).status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(f.instance(cancelled).status()).isEqualTo(WorkflowStatus.CANCELLED);
      assertThat(f.steps.calls).hasSize(2);
      assertThat(f.workflows.instances("drip")).hasSize(2);
      assertThatThrownBy(() -> f.workflows.resume(cancelled)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> f.workflows.pause("nope")).isInstanceOf(IllegalArgumentException.class);
    }
  }
}

package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditions and filters cannot reach Java, and their size, depth and cost are bounded. */
class HostileExpressionTest {

  private static String withCondition(String condition) {
    return "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: friend:accept\n    condition: '" + condition.replace("'", "''") + "'\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "java.lang.Runtime.getRuntime().exec('touch /tmp/x') == null",
      "ctx.getClass().getName() == 'x'",
      "T(java.lang.System).exit(1)",
      "Class.forName('java.lang.Runtime') == null",
      "import('os') == 1",
      "exec('id')",
      "'a' + 1 == 'a1'"})
  void codeThatReachesForJavaOrDoesNotTypeCheck_isRejectedAtLoad(String condition) {
    assertThatThrownBy(() -> WorkflowDefinition.parse("h.yaml", withCondition(condition)))
        .isInstanceOf(WorkflowDefinitionException.class).hasMessageContaining("h.yaml:6: workflow 'w' step 'a' invalid expression");
  }

  @Test
  void oversizedAndDeeplyNestedExpressions_areRejectedAtLoad() {
    assertThatThrownBy(() -> WorkflowDefinition.parse("h.yaml", withCondition("true && ".repeat(200) + "true")))
        .hasMessageContaining("longer than 1000");
    assertThatThrownBy(() -> WorkflowDefinition.parse("h.yaml", withCondition("(".repeat(60) + "true" + ")".repeat(60))))
        .hasMessageContaining("recursion limit");
    assertThatThrownBy(() -> WorkflowDefinition.parse("h.yaml", withCondition("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] != []")))
        .isInstanceOf(WorkflowDefinitionException.class);
  }

  @Test
  void anExpensiveExpression_isStoppedByItsBudget_andFailsTheInstanceCleanly() {
    String ten = "[1,2,3,4,5,6,7,8,9,10]";
    String nested = ten + ".all(a, " + ten + ".all(b, " + ten + ".all(c, " + ten + ".all(d, a + b + c + d > 0))))";
    WorkflowDefinition costly = WorkflowDefinition.parse("costly.yaml", withCondition(nested));
    try (WorkflowFixture f = new WorkflowFixture(Instant.parse("2026-01-05T02:00:00Z"), costly).start()) {
      String id = f.startInstance("w", Map.of());
      f.advance(Duration.ofMinutes(1));

      WorkflowInstance instance = f.instance(id);
      assertThat(instance.status()).isEqualTo(WorkflowStatus.FAILED);
      assertThat(instance.error()).contains("step 'a'").containsAnyOf("exceeded", "iteration");
      assertThat(f.steps.calls).isEmpty();
    }
  }

  @Test
  void catastrophicRegexes_runInLinearTime_onHostileInput() {
    WorkflowDefinition regex = WorkflowDefinition.parse("re.yaml", withCondition("ctx.s.matches('^(a+)+$')"));
    try (WorkflowFixture f = new WorkflowFixture(Instant.parse("2026-01-05T02:00:00Z"), regex).start()) {
      String id = f.startInstance("w", Map.of("s", "a".repeat(5_000) + "!"));
      f.advance(Duration.ofMinutes(1));
      assertThat(f.instance(id).history()).extracting(WorkflowInstance.StepOutcome::outcome).containsExactly("skipped");
    }
  }

  @Test
  void aHostileEventFilter_isRejectedAtLoad() {
    assertThatThrownBy(() -> WorkflowDefinition.parse("f.yaml",
        "name: w\ntrigger: { event: FriendAdded, filter: \"event.getClass() == null\" }\nsteps:\n  - id: a\n    type: x\n"))
        .hasMessageStartingWith("f.yaml:2: workflow 'w' invalid expression");
  }
}

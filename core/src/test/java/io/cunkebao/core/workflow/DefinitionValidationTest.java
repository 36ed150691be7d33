package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in a definition is reported at load, naming the source, the line and the step. */
class DefinitionValidationTest {

  private static WorkflowDefinitionException error(String source, String text) {
    try {
      WorkflowDefinition.parse(source, text);
    } catch (WorkflowDefinitionException e) {
      return e;
    }
    throw new AssertionError("expected " + source + " to be rejected");
  }

  @Test
  void aBadDelay_namesTheFileTheLineAndTheStep() {
    WorkflowDefinitionException e = error("bad-delay.yaml", """
        name: w
        trigger: manual
        steps:
          - id: one
            type: friend:accept
          - id: two
            type: message:send
            delay: 3 weeks
        """);
    assertThat(e.source()).isEqualTo("bad-delay.yaml");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.step()).contains("two");
    assertThat(e).hasMessageStartingWith("bad-delay.yaml:8: workflow 'w' step 'two' ").hasMessageContaining("3 weeks");
  }

  @Test
  void aMissingTypeOrAnUnknownField_isNamed() {
    assertThat(error("w.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    params: {}\n"))
        .hasMessageStartingWith("w.yaml:4: workflow 'w' step 'a' needs a 'type'");
    assertThat(error("w.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n    dealy: 3s\n"))
        .hasMessageStartingWith("w.yaml:6: workflow 'w' step 'a' has an unknown field 'dealy'");
  }

  @Test
  void anInvalidCondition_windowTimeOrRetry_isRejectedAtItsLine() {
    assertThat(error("c.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n    condition: \"ctx.a ==\"\n"))
        .hasMessageStartingWith("c.yaml:6: workflow 'w' step 'a' invalid expression");
    assertThat(error("c.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n    window: { days: weekdays, from: \"12:00\", to: \"10:00\" }\n"))
        .hasMessageStartingWith("c.yaml:6:").hasMessageContaining("must end after it starts");
    assertThat(error("c.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n    at: \"25:00\"\n"))
        .hasMessageStartingWith("c.yaml:6: workflow 'w' step 'a'");
    assertThat(error("c.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n    retry: often\n"))
        .hasMessageStartingWith("c.yaml:6:").hasMessageContaining("'retry' must be 'none' or a list");
  }

  @Test
  void templateVariablesThatCannotExist_areRejectedAtLoad() {
    assertThat(error("t.yaml", """
        name: w
        trigger: manual
        steps:
          - id: a
            type: x
            params: { text: "{steps.b.id}" }
          - id: b
            type: x
        """)).hasMessageStartingWith("t.yaml:6: workflow 'w' step 'a' uses '{steps.b.id}' but no earlier step has the id 'b'");
    assertThat(error("t.yaml", """
        name: w
        trigger: manual
        inputs: [nickname]
        steps:
          - id: a
            type: x
            params: { text: "hi {nicknam}" }
        """)).hasMessageStartingWith("t.yaml:7: workflow 'w' step 'a' uses '{nicknam}', which is neither an input");
  }

  @Test
  void badTriggersAndDuplicateIds_areRejected() {
    assertThat(error("g.yaml", "name: w\ntrigger: { cron: \"61 8 * * *\" }\nsteps:\n  - id: a\n    type: x\n"))
        .hasMessageStartingWith("g.yaml:2: workflow 'w' ").hasMessageContaining("minute");
    assertThat(error("g.yaml", "name: w\ntrigger: { event: FriendAdded, after: soon }\nsteps:\n  - id: a\n    type: x\n"))
        .hasMessageStartingWith("g.yaml:2:");
    assertThat(error("g.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: x\n  - id: a\n    type: y\n"))
        .hasMessageStartingWith("g.yaml:6: workflow 'w' step 'a' has an id used by another step");
  }

  @Test
  void malformedYamlAndJson_reportTheParsersLine() {
    assertThat(error("broken.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n   type: [x\n")).hasMessageStartingWith("broken.yaml:5: is not valid YAML");
    assertThat(error("broken.json", "{\"name\": \"w\",\n \"trigger\": \"manual\",\n \"steps\": [ }\n")).hasMessageStartingWith("broken.json:3: is not valid JSON");
  }

  @Test
  void jsonDefinitionsLoad_andReportLinesToo() {
    WorkflowDefinition ok = WorkflowDefinition.parse("ok.json", """
        {"name": "j", "trigger": {"cron": "@daily"},
         "steps": [{"id": "a", "type": "x", "params": {"n": 1}}]}
        """);
    assertThat(ok.stepIds()).containsExactly("a");
    assertThat(error("bad.json", "{\"name\": \"j\", \"trigger\": \"manual\",\n \"steps\": [\n  {\"id\": \"a\", \"type\": \"x\",\n   \"delay\": \"soon\"}]}"))
        .hasMessageStartingWith("bad.json:4: workflow 'j' step 'a'");
  }

  @Test
  void aFileNamesItsPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vip.yml");
    Files.writeString(file, "name: vip\ntrigger: manual\nsteps: []\n");
    assertThatThrownBy(() -> WorkflowDefinition.fromFile(file)).hasMessageStartingWith(file + ":3: workflow 'vip' needs 'steps'");
  }

  @Test
  void aStepWhoseTaskTypeWasNotGiven_failsTheBuild_withItsLine() {
    WorkflowDefinition d = WorkflowDefinition.parse("types.yaml", "name: w\ntrigger: manual\nsteps:\n  - id: a\n    type: friend:accept\n  - id: b\n    type: nowhere:toBeFound\n");
    assertThatThrownBy(() -> Workflows.builder().definitions(d).taskTypes(new FakeSteps(java.time.InstantSource.system()).types("friend:accept")).build())
        .isInstanceOf(WorkflowDefinitionException.class)
        .hasMessageStartingWith("types.yaml:6: workflow 'w' step 'b' runs task type 'nowhere:toBeFound'");
  }

  @Test
  void theSeedWorkflowsLoad() {
    assertThat(WorkflowFixture.resource("acquisition.yaml").trigger()).startsWith("event FriendRequestReceived where ");
    assertThat(WorkflowFixture.resource("nurturing.yaml").trigger()).isEqualTo("event FriendAdded after PT72H");
    assertThat(WorkflowFixture.resource("group-operations.yaml").stepIds()).containsExactly("morning", "noon", "evening", "stats");
  }
}

package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML example of docs/workflows.md (and the README's copy of it) loads and runs. */
class DocsExampleTest {

  static String firstYamlBlock(Path markdown) throws Exception {
    String text = Files.readString(markdown);
    int start = text.indexOf("```yaml\n") + "```yaml\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  @Test
  void theReadmeShowsTheSameExample() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("```yaml\n" + firstYamlBlock(Path.of("..", "docs", "workflows.md")) + "```");
  }

  @Test
  void theDocumentedExampleLoadsAndRuns() throws Exception {
    Path doc = Path.of("..", "docs", "workflows.md");
    WorkflowDefinition example = WorkflowDefinition.parse(doc.toString(), firstYamlBlock(doc));
    assertThat(example.stepIds()).containsExactly("accept", "welcome", "pool", "crm");

    Instant monday10h = Instant.parse("2026-01-05T02:00:00Z");
    try (WorkflowFixture f = new WorkflowFixture(monday10h, example).start()) {
      f.steps.answer("traffic:assign", p -> Map.of("pool", "vip"));
      f.publish(new Event("e1", "FriendRequestReceived", monday10h,
          Map.of("seat", "s1", "wechatId", "wx1", "nickname", "Li", "channel", "qr", "crmUrl", "https://crm.example")));
      f.advance(Duration.ofMinutes(1));

      assertThat(f.steps.order()).containsExactly("friend:accept", "message:send", "traffic:assign", "crm:push");
      assertThat(f.steps.of("crm:push").get(0).params()).containsEntry("pool", "vip");
      assertThat(f.workflows.instances()).extracting(WorkflowInstance::status).containsExactly(WorkflowStatus.COMPLETED);
    }
  }
}

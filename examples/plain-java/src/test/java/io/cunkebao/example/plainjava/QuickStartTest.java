package io.cunkebao.example.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the README's quick start, and checks that the README still shows it as it is here. */
class QuickStartTest {
  /** Surefire runs tests in the module's directory. */
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void theGreetingTaskCompletes() throws InterruptedException {
    assertThat(QuickStart.greetTheWorld()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void readmeShowsTheQuickStartVerbatim() throws IOException {
    List<String> source = Files.readAllLines(MODULE.resolve("src/main/java/io/cunkebao/example/plainjava/QuickStart.java"));
    int start = source.indexOf("  // tag::quickstart[]");
    int end = source.indexOf("  // end::quickstart[]");
    assertThat(start).isNotNegative();
    assertThat(end).isGreaterThan(start);
    // The README shows the tagged lines one indentation level (2 spaces) to the left.
    String snippet = source.subList(start + 1, end).stream()
        .map(line -> line.startsWith("  ") ? line.substring(2) : line)
        .collect(Collectors.joining("\n"));

    String readme = Files.readString(MODULE.resolve("../../README.md"));

    assertThat(readme).as("README.md must show QuickStart.java's tagged part verbatim").contains(snippet);
  }
}

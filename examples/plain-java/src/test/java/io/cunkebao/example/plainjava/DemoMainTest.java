package io.cunkebao.example.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.TaskInfo;
import io.cunkebao.api.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the demo as the launcher does, without exiting the JVM. */
class DemoMainTest {

  @Test
  void exitsZeroOnceEveryTaskHasEnded() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = DemoMain.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String output = buffer.toString(StandardCharsets.UTF_8);

    assertThat(code).as(output).isZero();
    assertThat(output).contains(
        "Retry delays shortened from 60/300/900 s to 100/200/300 ms for the demo",
        "All 300 tasks ended in",
        "Monitoring: queue 0 | processing 0");
  }

  @Test
  void everySubmittedTaskEndsAndEveryEffectHappensOnce() throws InterruptedException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    DemoReport report = new Demo(out, Demo.SEED, Demo.DEADLINE).run();

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(report.submitted()).isEqualTo(Workload.SENDS + Workload.LIKES + Workload.BATCHES);
    assertThat(report.endedInTime()).as(output).isTrue();
    assertThat(report.unfinished()).as(output).isEmpty();
    assertThat(report.count(TaskStatus.COMPLETED) + report.count(TaskStatus.FAILED) + report.count(TaskStatus.CANCELLED))
        .as("tasks in a final status, by the queue's account").isEqualTo(report.submitted());
    assertThat(report.count(TaskStatus.CANCELLED)).isZero();
    assertThat(report.retries()).as("the simulated phones fail, so some attempts are retried").isPositive();
    assertThat(report.deadLetters()).extracting(TaskInfo::type).contains(SendTextTask.NAME);
    assertThat(report.deadLetters()).filteredOn(t -> t.error().orElse("").contains(SimulatedDevice.DELETED_FRIEND))
        .as("sends to a deleted friend are not retryable").hasSize(Workload.SENDS_TO_DELETED_FRIEND.size())
        .allSatisfy(t -> assertThat(t.attempts()).isEqualTo(1));
    assertThat(report.deduplicated()).as("a second submit with the same idempotency key").isTrue();
    assertThat(report.duplicateDeliveries()).as("units of work delivered twice").isZero();
    assertThat(report.mostLikesAtOnce()).as("the per-account resource limit").isEqualTo(1);
    assertThat(report.batchesResumed()).as("batch attempts resumed from a checkpoint").isPositive();
    assertThat(report.engineErrors()).as(report.firstEngineErrors().toString()).isZero();
    assertThat(report.snapshot().queueLength()).isZero();
    assertThat(report.snapshot().processing()).isZero();
    assertThat(report.exitCode()).isZero();
  }
}

package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cunkebao.api.IllegalTransitionException;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoliciesAndStatusTest {

  @Test
  void seedDefault_threeRetriesAfter60_300_900() {
    RetryPolicy seed = RetryPolicy.seedDefault();
    assertThat(seed.maxRetries()).isEqualTo(3);
    assertThat(seed.delayAfter(1, 0.5)).contains(Duration.ofSeconds(60));
    assertThat(seed.delayAfter(2, 0.5)).contains(Duration.ofSeconds(300));
    assertThat(seed.delayAfter(3, 0.5)).contains(Duration.ofSeconds(900));
    assertThat(seed.delayAfter(4, 0.5)).isEmpty();
  }

  @Test
  void exponential_growsCapsAndJitters() {
    RetryPolicy p = RetryPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 0.5, 10);
    assertThat(p.delayAfter(1, 0.5)).contains(Duration.ofSeconds(1));
    assertThat(p.delayAfter(3, 0.5)).contains(Duration.ofSeconds(4));
    assertThat(p.delayAfter(9, 0.5)).contains(Duration.ofSeconds(10));
    assertThat(p.delayAfter(3, 0.0)).contains(Duration.ofSeconds(2));
    assertThat(p.delayAfter(3, 0.999).orElseThrow()).isBetween(Duration.ofMillis(5990), Duration.ofSeconds(6));
    assertThat(p.delayAfter(11, 0.5)).isEmpty();
  }

  @Test
  void retryPolicy_textForm_roundTrips() {
    for (RetryPolicy p : new RetryPolicy[] {RetryPolicy.seedDefault(), RetryPolicy.none(),
        RetryPolicy.exponential(Duration.ofMillis(250), 1.5, Duration.ofMinutes(5), 0.2, 7)}) {
      assertThat(RetryPolicy.parse(p.toString())).isEqualTo(p);
    }
    assertThatThrownBy(() -> RetryPolicy.parse("sometimes")).hasMessageContaining("not a retry policy: 'sometimes'");
  }

  @Test
  void retryPolicy_badArguments_named() {
    assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0, 1)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ofSeconds(5), 2, Duration.ofSeconds(2), 0, 1)).hasMessageContaining("cap");
    assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 2, 1)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.delays(Duration.ofSeconds(-1))).hasMessageContaining("retry delay");
  }

  @Test
  void status_codesMatchTheSeed() {
    assertThat(TaskStatus.values()).extracting(TaskStatus::code).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(TaskStatus.fromCode(5)).isEqualTo(TaskStatus.PAUSED);
    assertThatThrownBy(() -> TaskStatus.fromCode(9)).hasMessageContaining("no task status has code 9");
  }

  @Test
  void status_transitions_onlyTheLegalOnes() {
    assertThat(TaskStatus.PENDING.canTransitionTo(TaskStatus.RUNNING)).isTrue();
    assertThat(TaskStatus.RUNNING.canTransitionTo(TaskStatus.COMPLETED)).isTrue();
    assertThat(TaskStatus.FAILED.canTransitionTo(TaskStatus.PENDING)).isTrue();
    assertThat(TaskStatus.COMPLETED.canTransitionTo(TaskStatus.PENDING)).isFalse();
    assertThat(TaskStatus.PENDING.canTransitionTo(TaskStatus.COMPLETED)).isFalse();
    assertThat(TaskStatus.CANCELLED.canTransitionTo(TaskStatus.PENDING)).isFalse();
    assertThatThrownBy(() -> TaskStatus.PAUSED.requireTransitionTo(TaskStatus.RUNNING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("illegal task transition from PAUSED to RUNNING");
    assertThat(Optional.of(TaskStatus.COMPLETED).filter(TaskStatus::isTerminal)).isPresent();
  }
}

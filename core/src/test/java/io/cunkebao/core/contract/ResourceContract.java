package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.Lease;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract, part 4: per-resource limits, parking, and a busy resource never holding up idle ones. */
public abstract class ResourceContract extends ControlContract {
  @Test
  public void claim_resourceAtLimit_nextTaskWaitsForAck() {
    enqueue(task("a1").resource("account", "wx1"));
    enqueue(task("a2").resource("account", "wx1"));
    Map<String, Integer> limits = Map.of("account", 1);

    List<ClaimedTask> first = driver.claim(request(List.of(QUEUE), 10, limits));
    assertThat(ids(first)).containsExactly("a1");
    assertThat(driver.claim(request(List.of(QUEUE), 10, limits))).isEmpty();

    driver.ack(first.get(0).lease(), now());

    assertThat(ids(driver.claim(request(List.of(QUEUE), 10, limits)))).containsExactly("a2");
  }

  @Test
  public void claim_resourceFreedByRetryReleaseDeadLetterOrExpiry() {
    Map<String, Integer> limits = Map.of("account", 1);
    for (int i = 0; i < 5; i++) {
      enqueue(task("t" + i).resource("account", "wx1"));
    }
    Lease held = driver.claim(request(List.of(QUEUE), 10, limits)).get(0).lease();

    driver.retryAt(held, now().plusSeconds(3600), "later", now());
    held = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    driver.release(held, now());
    held = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    driver.deadLetter(held, "bad", true, now());
    held = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    clock.advance(LEASE.plusMillis(1));

    assertThat(driver.claim(request(List.of(QUEUE), 10, limits))).hasSize(1);
  }

  @Test
  public void claim_unlimitedKind_notLimited() {
    enqueue(task("a").resource("chatroom", "r1"));
    enqueue(task("b").resource("chatroom", "r1"));

    assertThat(driver.claim(request(List.of(QUEUE), 10, Map.of("account", 1)))).hasSize(2);
  }

  @Test
  public void claim_limitAboveOne_allowsThatMany() {
    for (int i = 0; i < 5; i++) {
      enqueue(task("t" + i).resource("device", "d1"));
    }

    assertThat(driver.claim(request(List.of(QUEUE), 10, Map.of("device", 3)))).hasSize(3);
  }

  @Test
  public void claim_taskWithSeveralResources_needsRoomInEach() {
    Map<String, Integer> limits = Map.of("account", 1, "device", 1);
    enqueue(task("holdsDevice").resource("device", "d1"));
    Lease device = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    enqueue(task("both").resource("account", "wx1").resource("device", "d1"));
    enqueue(task("accountOnly").resource("account", "wx1"));

    assertThat(ids(driver.claim(request(List.of(QUEUE), 10, limits)))).containsExactly("accountOnly");
    driver.ack(device, now());
    assertThat(driver.claim(request(List.of(QUEUE), 10, limits))).isEmpty();
  }

  @Test
  public void claim_blockedTaskOfSeveralResources_doesNotHoldUpTheOthers() {
    Map<String, Integer> limits = Map.of("account", 1, "device", 1);
    enqueue(task("account").resource("account", "wx1"));
    Lease account = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    enqueue(task("device").resource("device", "d1"));
    Lease device = single(driver.claim(request(List.of(QUEUE), 10, limits))).lease();
    enqueue(task("both").resource("account", "wx1").resource("device", "d1").priority(5));
    enqueue(task("accountLater").resource("account", "wx1"));
    assertThat(driver.claim(request(List.of(QUEUE), 10, limits))).isEmpty();

    driver.ack(account, now());

    // "both" still waits for the device; the freed account goes to the next task that needs it.
    assertThat(ids(driver.claim(request(List.of(QUEUE), 10, limits)))).containsExactly("accountLater");
    driver.ack(device, now());
    assertThat(driver.claim(request(List.of(QUEUE), 10, limits))).isEmpty();
  }

  @Test
  public void claim_resourceFreed_waitingTaskOfAnotherQueueNotBlockedByAPausedQueue() {
    Map<String, Integer> limits = Map.of("account", 1);
    enqueue(task("holder").queue("q1").resource("account", "wx1"));
    Lease holder = single(driver.claim(request(List.of("q1"), 10, limits))).lease();
    enqueue(task("waitsInQ1").queue("q1").resource("account", "wx1").priority(9));
    enqueue(task("waitsInQ2").queue("q2").resource("account", "wx1"));
    assertThat(driver.claim(request(List.of("q1", "q2"), 10, limits))).isEmpty();
    driver.pauseQueue("q1");

    driver.ack(holder, now());

    assertThat(ids(driver.claim(request(List.of("q2"), 10, limits)))).containsExactly("waitsInQ2");
  }

  @Test
  public void claim_hotAccount_neverHoldsUpTheOtherAccounts() {
    Map<String, Integer> limits = Map.of("account", 1);
    for (int i = 0; i < 1_000; i++) {
      enqueue(task("hot-" + i).resource("account", "hot"));
    }
    for (int i = 0; i < 1_000; i++) {
      enqueue(task("cold-" + i).resource("account", "cold-" + i));
    }

    List<ClaimedTask> firstBatch = driver.claim(request(List.of(QUEUE), 100, limits));

    assertThat(firstBatch).hasSize(100);
    assertThat(ids(firstBatch)).filteredOn(id -> id.startsWith("hot-")).containsExactly("hot-0");
    int cold = 99;
    int hotRunning = 1;
    Lease hot = firstBatch.stream().filter(c -> c.envelope().id().value().startsWith("hot-")).findFirst().orElseThrow().lease();
    for (int round = 0; cold < 1_000; round++) {
      assertThat(round).as("rounds needed to drain the cold accounts").isLessThan(20);
      if (round % 2 == 1) {
        driver.ack(hot, now()); // the hot account moves on now and then
        hotRunning--;
      }
      List<ClaimedTask> batch = driver.claim(request(List.of(QUEUE), 100, limits));
      for (ClaimedTask claimed : batch) {
        if (claimed.envelope().id().value().startsWith("hot-")) {
          hot = claimed.lease();
          hotRunning++;
        } else {
          cold++;
        }
      }
      assertThat(hotRunning).as("hot account tasks running").isLessThanOrEqualTo(1);
    }
    assertThat(cold).isEqualTo(1_000);
  }
}

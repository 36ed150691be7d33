package io.cunkebao.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract, part 5: claim affinity for seats. A task naming {@code seat:<id>} goes only to a
 * claimer that owns the seat (only its owner holds the seat's device session), and never holds up
 * other claimers' work.
 */
public abstract class AffinityContract extends ResourceContract {

  private ClaimRequest by(String worker, int max, Map<String, Integer> limits, String... seats) {
    return new ClaimRequest(List.of(QUEUE), max, LEASE, worker, limits, now(), Set.of(seats));
  }

  @Test
  public void claim_seatTask_onlyByTheSeatsOwner() {
    enqueue(task("send").resource("seat", "s1"));

    assertThat(driver.claim(by("other", 10, Map.of()))).isEmpty();
    assertThat(driver.claim(by("owner-of-s2", 10, Map.of(), "s2"))).isEmpty();
    assertThat(ids(driver.claim(by("owner", 10, Map.of(), "s1")))).containsExactly("send");
  }

  @Test
  public void claim_manyForeignSeatTasksFirst_doNotHoldUpOtherWork() {
    for (int i = 0; i < 500; i++) {
      enqueue(task("foreign-" + i).resource("seat", "s1").priority(5));
    }
    for (int i = 0; i < 10; i++) {
      enqueue(task("plain-" + i));
    }

    List<ClaimedTask> claimed = driver.claim(by("other", 10, Map.of(), "s2"));

    assertThat(ids(claimed)).hasSize(10).allMatch(id -> id.startsWith("plain-"));
    assertThat(driver.claim(by("owner", 600, Map.of(), "s1"))).hasSize(500);
  }

  @Test
  public void claim_seatTaskParkedOnABusyResource_freedForItsOwnerOnly() {
    Map<String, Integer> limits = Map.of("account", 1);
    enqueue(task("hold").resource("account", "wx1"));
    enqueue(task("seat-task").resource("account", "wx1").resource("seat", "s1"));
    ClaimedTask hold = single(driver.claim(by("other", 10, limits)));

    driver.ack(hold.lease(), now()); // frees the account while the seat task waits on it

    assertThat(driver.claim(by("other", 10, limits))).isEmpty();
    assertThat(ids(driver.claim(by("owner", 10, limits, "s1")))).containsExactly("seat-task");
  }

  @Test
  public void claim_ownerGainsTheSeatLater_takesItsWaitingTasks() {
    enqueue(task("a").resource("seat", "s9"));
    assertThat(driver.claim(by("n1", 10, Map.of()))).isEmpty();
    assertThat(driver.claim(by("n2", 10, Map.of(), "s1"))).isEmpty();

    assertThat(ids(driver.claim(by("n2", 10, Map.of(), "s1", "s9")))).containsExactly("a");
  }
}

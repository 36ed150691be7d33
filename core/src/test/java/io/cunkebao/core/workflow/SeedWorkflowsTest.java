package io.cunkebao.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.Event;
import io.cunkebao.api.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's three workflows, end to end on the manual clock with fake task types. */
class SeedWorkflowsTest {
  private static final Instant MONDAY_10H = Instant.parse("2026-01-05T02:00:00Z"); // 10:00 in Shanghai

  @Test
  void acquisition_acceptsAfterJitter_welcomes3sLater_tagsPoolsAndSkipsCrmWhenNoneIsConfigured() {
    try (WorkflowFixture f = new WorkflowFixture(MONDAY_10H, WorkflowFixture.resource("acquisition.yaml")).start()) {
      f.publish(new Event("req-1", "FriendRequestReceived", MONDAY_10H,
          Map.of("seat", "s1", "wechatId", "wx1", "nickname", "小王", "channel", "qr")));
      f.advance(Duration.ofSeconds(20));

      FakeSteps.Call accept = f.steps.of("friend:accept").get(0);
      assertThat(accept.at()).isBetween(MONDAY_10H.plusSeconds(1), MONDAY_10H.plusSeconds(5));
      FakeSteps.Call welcome = f.steps.of("message:send").get(0);
      assertThat(welcome.at()).isEqualTo(accept.at().plusSeconds(3));
      assertThat(welcome.params()).containsEntry("text", "您好，感谢关注！ 小王").containsEntry("to", "wx1");
      assertThat(f.steps.of("friend:tag").get(0).params()).containsEntry("tags", List.of("channel:qr", "new-customer"));
      assertThat(f.steps.of("traffic:assign").get(0).params()).containsEntry("pool", "default");
      assertThat(f.steps.order()).containsExactly("friend:accept", "message:send", "friend:tag", "traffic:assign");

      WorkflowInstance instance = f.workflows.instances("acquisition").get(0);
      assertThat(instance.status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(instance.history()).extracting(WorkflowInstance.StepOutcome::outcome)
          .containsExactly("completed", "completed", "completed", "completed", "skipped");
    }
  }

  @Test
  void acquisition_pushesToTheCrm_whenOneIsConfigured_withAnEarlierStepsOutput() {
    try (WorkflowFixture f = new WorkflowFixture(MONDAY_10H, WorkflowFixture.resource("acquisition.yaml")).start()) {
      f.steps.answer("traffic:assign", p -> Map.of("pool", "pool-A"));
      f.publish(new Event("req-2", "FriendRequestReceived", MONDAY_10H,
          Map.of("seat", "s1", "wechatId", "wx2", "nickname", "n", "channel", "ad", "crmUrl", "https://crm.example/hook")));
      f.advance(Duration.ofSeconds(20));

      assertThat(f.steps.of("crm:push")).singleElement().satisfies(c -> assertThat(c.params())
          .containsEntry("url", "https://crm.example/hook").containsEntry("pool", "pool-A").containsEntry("channel", "ad"));
    }
  }

  @Test
  void acquisition_ignoresRequestsWithoutAChannel_andStartsOneInstancePerEventId() {
    try (WorkflowFixture f = new WorkflowFixture(MONDAY_10H, WorkflowFixture.resource("acquisition.yaml")).start()) {
      Event request = new Event("req-3", "FriendRequestReceived", MONDAY_10H, Map.of("seat", "s1", "wechatId", "wx3", "nickname", "n", "channel", "qr"));
      f.publish(request);
      f.publish(request);
      f.publish(new Event("req-4", "FriendRequestReceived", MONDAY_10H, Map.of("seat", "s1", "wechatId", "wx4")));
      f.advance(Duration.ofSeconds(20));

      assertThat(f.workflows.instances("acquisition")).hasSize(1);
      assertThat(f.steps.of("friend:accept")).hasSize(1);
    }
  }

  @Test
  void nurturing_threeDaysLater_waitsForTheWeekdayWindow_likesTheLatestMoments_thenUpdatesTheStage() {
    Instant tuesdayEvening = Instant.parse("2026-01-06T10:00:00Z"); // 18:00 in Shanghai
    try (WorkflowFixture f = new WorkflowFixture(tuesdayEvening, WorkflowFixture.resource("nurturing.yaml")).start()) {
      f.steps.answer("friend:interactions", p -> Map.of("count", 0))
          .answer("moments:latest", p -> Map.of("ids", List.of("m1", "m2", "m3")));
      f.publish(new Event("added-1", EventTypes.FRIEND_ADDED, tuesdayEvening, Map.of("seat", "s1", "wechatId", "wx1")));

      f.advance(Duration.ofDays(3).minusMinutes(1));
      assertThat(f.steps.calls).isEmpty();
      f.advanceTo(Instant.parse("2026-01-13T00:00:00Z"));

      Instant friday18h = Instant.parse("2026-01-09T10:00:00Z");
      Instant monday10h = Instant.parse("2026-01-12T02:00:00Z");
      assertThat(f.steps.of("friend:interactions").get(0).at()).isEqualTo(friday18h);
      assertThat(f.steps.of("message:send").get(0).at()).isEqualTo(monday10h);
      assertThat(f.steps.of("message:send").get(0).params()).containsEntry("library", "care");
      assertThat(f.steps.of("moments:like").get(0).params()).containsEntry("momentIds", List.of("m1", "m2", "m3"));
      assertThat(f.steps.of("customer:stage").get(0).params()).containsEntry("to", "active");
      assertThat(f.steps.order()).containsExactly("friend:interactions", "message:send", "moments:latest", "moments:like", "customer:stage");
      assertThat(f.workflows.instances("nurturing").get(0).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void nurturing_skipsEverything_whenTheFriendInteracted_andTheLike_whenThereAreNoMoments() {
    try (WorkflowFixture f = new WorkflowFixture(MONDAY_10H, WorkflowFixture.resource("nurturing.yaml")).start()) {
      f.steps.answer("friend:interactions", p -> Map.of("count", "wx-chatty".equals(p.get("wechatId")) ? 2 : 0))
          .answer("moments:latest", p -> Map.of("ids", List.of()));
      f.publish(new Event("added-2", EventTypes.FRIEND_ADDED, MONDAY_10H, Map.of("seat", "s1", "wechatId", "wx-chatty")));
      f.publish(new Event("added-3", EventTypes.FRIEND_ADDED, MONDAY_10H, Map.of("seat", "s1", "wechatId", "wx-quiet")));
      f.advance(Duration.ofDays(4));

      assertThat(f.steps.of("message:send")).extracting(c -> c.params().get("to")).containsExactly("wx-quiet");
      assertThat(f.steps.of("moments:like")).isEmpty();
      assertThat(f.steps.of("customer:stage")).extracting(c -> c.params().get("wechatId")).containsExactly("wx-quiet");
      assertThat(f.workflows.instances("nurturing")).extracting(WorkflowInstance::status)
          .containsOnly(WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void groupOperations_runsAt0830_1200_2000_and2300_everyDay() {
    Instant before8 = Instant.parse("2026-01-04T23:00:00Z"); // 07:00 in Shanghai
    try (WorkflowFixture f = new WorkflowFixture(before8, WorkflowFixture.resource("group-operations.yaml")).start()) {
      f.advance(Duration.ofDays(2));

      List<String> times = f.steps.calls.stream()
          .map(c -> ZonedDateTime.ofInstant(c.at(), WorkflowFixture.SHANGHAI).toLocalDateTime().toString()).toList();
      assertThat(times).containsExactly(
          "2026-01-05T08:30", "2026-01-05T12:00", "2026-01-05T20:00", "2026-01-05T23:00",
          "2026-01-06T08:30", "2026-01-06T12:00", "2026-01-06T20:00", "2026-01-06T23:00");
      assertThat(f.steps.of("group:send").get(0).params()).containsEntry("text", "早安！今日话题 2026-01-05");
      assertThat(f.steps.of("group:stats").get(1).params()).containsEntry("date", "2026-01-06");
      assertThat(f.workflows.instances("group-operations")).hasSize(2)
          .extracting(WorkflowInstance::status).containsOnly(WorkflowStatus.COMPLETED);
    }
  }
}

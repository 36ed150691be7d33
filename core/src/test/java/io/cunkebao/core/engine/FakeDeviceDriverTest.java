package io.cunkebao.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.device.OutgoingMessage;
import io.cunkebao.api.device.RateLimitedException;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.device.SentMessage;
import io.cunkebao.core.testing.FakeDeviceDriver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task type that acts on a phone, tested without a network through {@link FakeDeviceDriver}. */
class FakeDeviceDriverTest {
  record SendText(String seat, long account, long friend, String text) {}

  private static final SeatId SEAT = SeatId.of("s1");
  private final FakeDeviceDriver devices = new FakeDeviceDriver();
  private final TaskType<SendText> sendText = TaskType.builder("message:sendText", SendText.class)
      .asyncHandler((p, ctx) -> ctx.devices().require(SeatId.of(p.seat())).messages().sendText(p.account(), p.friend(), p.text()))
      .policy(io.cunkebao.api.TaskPolicy.seedDefault().withRetry(RetryPolicy.delays(Duration.ofSeconds(5))))
      .build();
  private final EngineFixture fx = EngineFixture.start(b -> b.taskTypes(sendText).devices(devices, new SeatCredentials(SEAT, "sales01", "pw")));

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void taskSendsThroughTheSeatsSession_recordedAsTheOperationTheDefaultMethodCalls() {
    devices.answer("messages.send", call -> new SentMessage(7, 42, fx.clock.instant()));
    TaskId id = fx.submit(TaskRequest.builder(sendText, new SendText("s1", 42, 9, "你好")).resource(SEAT.resourceKey()).build());

    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(devices.calls("messages.send")).singleElement().satisfies(call -> {
      assertThat(call.seat()).isEqualTo(SEAT);
      assertThat(call.args().get(0)).isInstanceOf(OutgoingMessage.class);
    });
  }

  @Test
  void scriptedRateLimit_failsTheAttemptAndTheRetrySucceeds() {
    AtomicInteger tries = new AtomicInteger();
    devices.answer("messages.send", call -> {
      if (tries.incrementAndGet() == 1) {
        throw new RateLimitedException("CmdSendMessage", "操作过于频繁");
      }
      return new SentMessage(8, 42, fx.clock.instant());
    });
    TaskId id = fx.submit(TaskRequest.builder(sendText, new SendText("s1", 42, 9, "hi")).resource(SEAT.resourceKey()).build());
    assertThat(fx.info(id).lastError()).contains("操作过于频繁");

    fx.advance(Duration.ofSeconds(5));
    assertThat(fx.status(id)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(devices.calls("messages.send")).hasSize(2);
  }

  @Test
  void failScripted_futureFailsWithTheGivenException() {
    devices.fail("messages.send", call -> new RateLimitedException("CmdSendMessage", "朋友圈太频繁了"));
    TaskId id = fx.submit(TaskRequest.builder(sendText, new SendText("s1", 42, 9, "hi")).resource(SEAT.resourceKey()).build());

    assertThat(fx.info(id).lastError()).contains("RateLimitedException").contains("朋友圈太频繁了");
    assertThat(devices.openSeats()).containsExactly(SEAT);
  }
}

package io.cunkebao.example.plainjava;

import io.cunkebao.api.NonRetryableTaskException;
import io.cunkebao.api.TaskType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@value #NAME} task type: send one text message to one friend through the account's phone.
 *
 * <p>The handler is asynchronous: it returns the device's answer as a stage, so no worker thread
 * waits while the phone works. A retryable device error fails the attempt and the retry policy
 * runs it again; a friend who deleted the account is a {@link NonRetryableTaskException}, which
 * goes to the dead-letter queue at once.
 */
public final class SendTextTask {
  /** The task type's name. */
  public static final String NAME = "message:sendText";

  private SendTextTask() {}

  /**
   * The payload.
   *
   * @param messageId the message's unique id (also its idempotency key)
   * @param account the sending account
   * @param friend the receiving friend
   * @param text the text
   */
  public record SendText(String messageId, String account, String friend, String text) {}

  /**
   * The task type, sending through the given device.
   *
   * @param device the phones
   * @return the task type; it uses the engine's default policies
   */
  public static TaskType<SendText> type(SimulatedDevice device) {
    return TaskType.builder(NAME, SendText.class)
        .asyncHandler((message, ctx) -> device
            .sendText(message.account(), message.friend(), message.messageId(), ctx.attempt())
            .exceptionallyCompose(SendTextTask::classify))
        .build();
  }

  /** Turns the device's "permanent" errors into the engine's non-retryable failure. */
  private static CompletableFuture<Void> classify(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof SimulatedDevice.PhoneFailure phone && phone.permanent()) {
      return CompletableFuture.failedFuture(new NonRetryableTaskException(phone.getMessage(), phone));
    }
    return CompletableFuture.failedFuture(cause);
  }
}

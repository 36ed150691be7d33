package io.cunkebao.example.plainjava;

import io.cunkebao.api.TaskType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@value #NAME} task type: one account likes one friend's moment.
 *
 * <p>Each request names its account as a {@link io.cunkebao.api.ResourceKey} of kind {@value
 * #RESOURCE_KIND}, and the demo's engine allows one running task per account (the real system
 * does the same so that a phone never works two timelines at once). The type measures how many
 * likes of one account actually overlap, so the demo can show the limit holds.
 */
public final class LikeMomentTask {
  /** The task type's name. */
  public static final String NAME = "moments:like";
  /** The resource kind each like holds. */
  public static final String RESOURCE_KIND = "account";

  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  /**
   * The payload.
   *
   * @param account the liking account
   * @param momentId the moment to like
   */
  public record LikeMoment(String account, String momentId) {}

  /**
   * The task type, liking through the given device.
   *
   * @param device the phones
   * @return the task type; it uses the engine's default policies
   */
  public TaskType<LikeMoment> type(SimulatedDevice device) {
    return TaskType.builder(NAME, LikeMoment.class)
        .asyncHandler((like, ctx) -> {
          enter(like.account());
          // Leave before the stage the engine sees completes, so the count drops before the
          // engine frees the account for the next like.
          return device.likeMoment(like.account(), like.momentId(), ctx.attempt())
              .whenComplete((ok, failure) -> leave(like.account()));
        })
        .build();
  }

  /** @return the most likes of one account that ever ran at the same time */
  public int mostAtOnceForOneAccount() {
    return mostAtOnce.get();
  }

  private void enter(String account) {
    int now = running.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
  }

  private void leave(String account) {
    running.get(account).decrementAndGet();
  }
}

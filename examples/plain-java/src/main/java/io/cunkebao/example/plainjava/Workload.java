package io.cunkebao.example.plainjava;

import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.example.plainjava.BatchPushTask.BatchPush;
import io.cunkebao.example.plainjava.LikeMomentTask.LikeMoment;
import io.cunkebao.example.plainjava.SendTextTask.SendText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo's tasks: text sends, moment likes and group batch pushes, some to run at once (a manual
 * trigger) and some after a delay of up to a few seconds. Generated from a seed, so every run
 * submits the same tasks in the same order.
 *
 * @param requests the requests, in submit order
 */
public record Workload(List<TaskRequest<?>> requests) {
  /** Text sends in the workload. */
  public static final int SENDS = 200;
  /** Moment likes in the workload. */
  public static final int LIKES = 80;
  /** Group batch pushes in the workload. */
  public static final int BATCHES = 20;
  /** Chatrooms per batch push. */
  public static final int ROOMS_PER_BATCH = 10;
  /** Sends addressed to {@link SimulatedDevice#DELETED_FRIEND}, which end in the dead-letter queue. */
  public static final Set<Integer> SENDS_TO_DELETED_FRIEND = Set.of(13, 77, 151);

  private static final List<String> ACCOUNTS = List.of("wxid_sales01", "wxid_sales02", "wxid_sales03", "wxid_sales04");
  private static final long MAX_SEND_DELAY_MILLIS = 3_000;
  private static final long MAX_LIKE_DELAY_MILLIS = 2_000;

  /** Copies the list. */
  public Workload {
    requests = List.copyOf(requests);
  }

  /**
   * Generates the workload.
   *
   * @param seed the seed for delays and the choice of accounts
   * @return the workload
   */
  public static Workload generate(long seed) {
    Random random = new Random(seed);
    List<TaskRequest<?>> requests = new ArrayList<>();
    for (int i = 0; i < SENDS; i++) {
      requests.add(send(i, random));
    }
    for (int i = 0; i < LIKES; i++) {
      requests.add(like(i, random));
    }
    for (int i = 0; i < BATCHES; i++) {
      requests.add(batch(i, random));
    }
    return new Workload(requests);
  }

  /** @return how many tasks the workload holds */
  public int size() {
    return requests.size();
  }

  /**
   * A copy of the first send with the same idempotency key and payload, to show that submitting it
   * again enqueues nothing.
   *
   * @return the duplicate request
   */
  public TaskRequest<?> duplicateOfFirstSend() {
    TaskRequest<?> first = requests.get(0);
    return TaskRequest.builder(first.type(), first.payload())
        .idempotencyKey(first.idempotencyKey().orElseThrow())
        .build();
  }

  private static TaskRequest<SendText> send(int i, Random random) {
    String id = String.format("msg-%04d", i);
    String account = pick(random);
    String friend = SENDS_TO_DELETED_FRIEND.contains(i) ? SimulatedDevice.DELETED_FRIEND : "wxid_friend" + (1000 + i);
    TaskRequest.Builder<SendText> request = TaskRequest.builder(SendTextTask.NAME, new SendText(id, account, friend, "Hello from the demo #" + i))
        .idempotencyKey(id);
    // Every second send is "delay" triggered, the others are "manual": due at once.
    long delay = random.nextLong(MAX_SEND_DELAY_MILLIS + 1);
    return (i % 2 == 1 ? request.delay(Duration.ofMillis(delay)) : request).build();
  }

  private static TaskRequest<LikeMoment> like(int i, Random random) {
    String account = pick(random);
    TaskRequest.Builder<LikeMoment> request = TaskRequest.builder(LikeMomentTask.NAME, new LikeMoment(account, "moment-" + (5000 + i)))
        .resource(ResourceKey.of(LikeMomentTask.RESOURCE_KIND, account));
    long delay = random.nextLong(MAX_LIKE_DELAY_MILLIS + 1);
    return (i % 3 == 0 ? request.delay(Duration.ofMillis(delay)) : request).build();
  }

  private static TaskRequest<BatchPush> batch(int i, Random random) {
    String account = pick(random);
    List<String> rooms = new ArrayList<>();
    for (int r = 0; r < ROOMS_PER_BATCH; r++) {
      rooms.add("room" + (100 * i + r) + "@chatroom");
    }
    // A batch is a campaign someone is waiting for: run it before the single sends.
    return TaskRequest.builder(BatchPushTask.NAME, new BatchPush(String.format("batch-%02d", i), account, rooms, "Weekend offer #" + i))
        .priority(1)
        .build();
  }

  private static String pick(Random random) {
    return ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
  }
}

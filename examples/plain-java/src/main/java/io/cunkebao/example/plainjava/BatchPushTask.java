package io.cunkebao.example.plainjava;

import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@value #NAME} task type: one account pushes one message into a list of group chats.
 *
 * <p>The handler saves a checkpoint (the index of the next chatroom) after every push. When a push
 * fails, the retry starts at the chatroom that failed instead of the first one: a batch that
 * stopped after 4 of 10 groups resumes at the 5th, and no group gets the message twice.
 *
 * <p>The handler is blocking, waiting on each push in turn: a batch is sequential by nature, and
 * its worker thread is what limits how many batches run at once.
 */
public final class BatchPushTask {
  /** The task type's name. */
  public static final String NAME = "group:batchPush";

  private final AtomicInteger resumed = new AtomicInteger();

  /**
   * The payload.
   *
   * @param batchId the batch's unique id
   * @param account the pushing account
   * @param chatrooms the group chats, in push order
   * @param text the message
   */
  public record BatchPush(String batchId, String account, List<String> chatrooms, String text) {}

  /**
   * The checkpoint: where the batch goes on.
   *
   * @param next the index of the next chatroom to push to
   */
  public record Cursor(int next) {}

  /**
   * The task type, pushing through the given device.
   *
   * @param device the phones
   * @return the task type; it uses the engine's default policies
   */
  public TaskType<BatchPush> type(SimulatedDevice device) {
    return TaskType.builder(NAME, BatchPush.class)
        .handler((batch, ctx) -> {
          int start = ctx.checkpoint(Cursor.class).map(Cursor::next).orElse(0);
          if (start > 0) {
            resumed.incrementAndGet();
          }
          List<String> rooms = batch.chatrooms();
          for (int i = start; i < rooms.size(); i++) {
            String room = rooms.get(i);
            // get() rather than join(): an interrupt from the engine (timeout, cancel) ends the wait.
            device.pushToGroup(batch.account(), room, batch.batchId() + "/" + room, ctx.attempt()).get();
            ctx.progress(Progress.of(i + 1, rooms.size()));
            ctx.checkpoint(new Cursor(i + 1));
          }
        })
        .build();
  }

  /** @return how many attempts went on from a checkpoint instead of the first chatroom */
  public int resumedFromCheckpoint() {
    return resumed.get();
  }
}

package io.cunkebao.device.ws;

import io.cunkebao.api.device.Chatroom;
import io.cunkebao.api.device.DeviceTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a created chatroom to show up in the list. The cloud answers {@code
 * CmdChatroomCreate} without an id (the seed slept 5 s up to 10 times, holding a worker); here a
 * timer reads the list every poll interval until a chatroom of that name appears that was not
 * there before, or the creation timeout passes. No thread waits in between.
 */
final class ChatroomWatch {
  private final WsDeviceSession session;
  private final long account;
  private final String name;
  private final Set<Long> known;
  private final CompletableFuture<Long> result = new CompletableFuture<>();
  private final long deadlineNanos;

  ChatroomWatch(WsDeviceSession session, long account, String name, Set<Long> known) {
    this.session = session;
    this.account = account;
    this.name = name;
    this.known = known;
    this.deadlineNanos = System.nanoTime() + session.resources().config().chatroomCreateTimeout().toNanos();
  }

  CompletableFuture<Long> start() {
    schedule();
    return result;
  }

  private void schedule() {
    Duration poll = session.resources().config().chatroomPollInterval();
    session.resources().timer().schedule(this::poll, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    session.chatrooms().list(account).whenComplete((rooms, failure) -> {
      if (failure == null) {
        rooms.stream().filter(r -> r.name().equals(name) && !known.contains(r.id())).map(Chatroom::id).findFirst()
            .ifPresent(result::complete);
      }
      if (result.isDone()) {
        return;
      }
      if (System.nanoTime() - deadlineNanos >= 0) {
        result.completeExceptionally(new DeviceTimeoutException("CmdChatroomCreate", session.resources().config().chatroomCreateTimeout()));
      } else {
        schedule();
      }
    });
  }
}

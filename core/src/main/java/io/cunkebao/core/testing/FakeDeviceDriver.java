package io.cunkebao.core.testing;

import io.cunkebao.api.device.ChatroomOperations;
import io.cunkebao.api.device.ContactOperations;
import io.cunkebao.api.device.DeviceSession;
import io.cunkebao.api.device.MessageOperations;
import io.cunkebao.api.device.MomentOperations;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.device.SeatId;
import io.cunkebao.api.device.SessionState;
import io.cunkebao.api.spi.DeviceDriver;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A device driver without a network, for testing task types that act on phones: every operation
 * of every session is recorded, and answers with what the test scripted (by default a completed
 * future of {@code null}, an empty list or map, or {@code false}).
 *
 * <pre>{@code
 * FakeDeviceDriver devices = new FakeDeviceDriver();
 * devices.answer("messages.send", call -> new SentMessage(...));
 * devices.fail("chatrooms.create", call -> new RateLimitedException(...));
 * TaskScheduler engine = Schedulers.builder().devices(devices, seat).taskTypes(sendText)...build();
 * ...
 * assertThat(devices.calls("messages.send")).hasSize(1);
 * }</pre>
 *
 * <p>Operation names are the group and the method, such as {@code messages.send}, {@code
 * chatrooms.create}, {@code contacts.friends}, or just the method for the session's own ({@code
 * aliveStatus}, {@code call}). Default methods of the operation interfaces (such as {@code
 * sendText}) run their default body, so they are recorded as the operation they delegate to.
 * Thread-safe.
 */
public final class FakeDeviceDriver implements DeviceDriver {
  /**
   * One recorded operation.
   *
   * @param seat the session's seat
   * @param operation such as {@code messages.send}
   * @param args the arguments
   */
  public record Call(SeatId seat, String operation, List<@Nullable Object> args) {}

  private final Map<SeatId, DeviceSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Function<Call, CompletableFuture<?>>> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  /**
   * Scripts the result of an operation.
   *
   * @param operation such as {@code messages.send}
   * @param result computes the value the future completes with
   * @return this driver
   */
  public FakeDeviceDriver answer(String operation, Function<Call, @Nullable Object> result) {
    answers.put(operation, call -> CompletableFuture.completedFuture(result.apply(call)));
    return this;
  }

  /**
   * Scripts a failure of an operation.
   *
   * @param operation such as {@code chatrooms.create}
   * @param failure computes the exception the future fails with
   * @return this driver
   */
  public FakeDeviceDriver fail(String operation, Function<Call, ? extends Throwable> failure) {
    answers.put(operation, call -> CompletableFuture.failedFuture(failure.apply(call)));
    return this;
  }

  /** @return every recorded call, in order */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * The recorded calls of one operation.
   *
   * @param operation such as {@code messages.send}
   * @return those calls, in order
   */
  public synchronized List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** @return the seats whose sessions are open */
  public Collection<SeatId> openSeats() {
    return List.copyOf(sessions.keySet());
  }

  @Override
  public CompletableFuture<DeviceSession> openSession(SeatCredentials credentials) {
    return CompletableFuture.completedFuture(sessions.computeIfAbsent(credentials.seat(), this::newSession));
  }

  @Override
  public Optional<DeviceSession> session(SeatId seat) {
    return Optional.ofNullable(sessions.get(seat));
  }

  @Override
  public void close() {
    sessions.clear();
  }

  private DeviceSession newSession(SeatId seat) {
    MessageOperations messages = operations(MessageOperations.class, seat, "messages.");
    ChatroomOperations chatrooms = operations(ChatroomOperations.class, seat, "chatrooms.");
    MomentOperations moments = operations(MomentOperations.class, seat, "moments.");
    ContactOperations contacts = operations(ContactOperations.class, seat, "contacts.");
    InvocationHandler own = (proxy, method, args) -> switch (method.getName()) {
      case "seat" -> seat;
      case "state" -> SessionState.SIGNED_IN;
      case "messages" -> messages;
      case "chatrooms" -> chatrooms;
      case "moments" -> moments;
      case "contacts" -> contacts;
      case "close" -> {
        sessions.remove(seat);
        yield null;
      }
      default -> objectMethod(proxy, method, args, "FakeDeviceSession[" + seat + "]")
          .orElseGet(() -> record(seat, method.getName(), args));
    };
    return (DeviceSession) Proxy.newProxyInstance(DeviceSession.class.getClassLoader(), new Class<?>[] {DeviceSession.class}, own);
  }

  private <T> T operations(Class<T> type, SeatId seat, String prefix) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      return objectMethod(proxy, method, args, "Fake" + type.getSimpleName() + "[" + seat + "]")
          .orElseGet(() -> record(seat, prefix + method.getName(), args));
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Object record(SeatId seat, String operation, @Nullable Object[] args) {
    List<@Nullable Object> list = new ArrayList<>();
    if (args != null) {
      java.util.Collections.addAll(list, args);
    }
    Call call = new Call(seat, operation, java.util.Collections.unmodifiableList(list));
    synchronized (this) {
      calls.add(call);
    }
    Function<Call, CompletableFuture<?>> answer = answers.get(operation);
    return answer != null ? answer.apply(call) : CompletableFuture.completedFuture(null);
  }

  private static Optional<Object> objectMethod(Object proxy, Method method, @Nullable Object[] args, String name) {
    switch (method.getName()) {
      case "toString":
        return Optional.of(name);
      case "hashCode":
        return Optional.of(System.identityHashCode(proxy));
      case "equals":
        return Optional.of(args != null && proxy == args[0]);
      default:
        return Optional.empty();
    }
  }
}

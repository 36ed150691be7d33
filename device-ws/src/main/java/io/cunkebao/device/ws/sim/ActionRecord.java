package io.cunkebao.device.ws.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated phones did, in order, so tests can assert effects, pacing and that nothing
 * was done twice. Commands refused (risk control, faults) leave no action; a command whose answer
 * was dropped by fault injection does. Thread-safe.
 */
public final class ActionRecord {
  private final List<PhoneAction> actions = new ArrayList<>();
  private final AtomicInteger duplicates = new AtomicInteger();

  ActionRecord() {}

  synchronized void add(PhoneAction action) {
    actions.add(action);
  }

  void duplicateSuppressed() {
    duplicates.incrementAndGet();
  }

  /** @return every action so far */
  public synchronized List<PhoneAction> all() {
    return List.copyOf(actions);
  }

  /**
   * Actions of one kind.
   *
   * @param kind such as {@code message}
   * @return those actions, in order
   */
  public synchronized List<PhoneAction> ofKind(String kind) {
    return actions.stream().filter(a -> a.kind().equals(kind)).toList();
  }

  /**
   * Actions of one account.
   *
   * @param wechatAccountId the account
   * @return its actions, in order
   */
  public synchronized List<PhoneAction> of(long wechatAccountId) {
    return actions.stream().filter(a -> a.wechatAccountId() == wechatAccountId).toList();
  }

  /** @return how many commands were answered from the client-message-id store instead of done again */
  public int duplicatesSuppressed() {
    return duplicates.get();
  }
}

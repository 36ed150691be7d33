package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.api.spi.VersionedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Workflow instances in the engine's {@link StateStore}, collection {@value #COLLECTION}. Every
 * change is a read, a pure function of the state read, and a compare-and-set, retried when another
 * engine (or thread) wrote in between: the function sees the newer state and decides again.
 */
final class InstanceStore {
  static final String COLLECTION = "workflows";
  private static final int MAX_RACES = 100;
  private static final int PAGE = 500;

  private final StateStore store;
  private final ObjectMapper json;
  private final InstantSource clock;

  InstanceStore(StateStore store, ObjectMapper json, InstantSource clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  Optional<InstanceState> get(String id) {
    return store.get(COLLECTION, id).map(this::decode);
  }

  /** Creates an instance; returns the stored one when it already exists (a retried start). */
  InstanceState create(InstanceState state) {
    if (store.compareAndSet(COLLECTION, state.id(), 0, encode(state), clock.instant()).isPresent()) {
      return state;
    }
    return get(state.id()).orElseThrow(() -> new IllegalStateException("instance " + state.id() + " vanished while being created"));
  }

  /**
   * Applies a change.
   *
   * @param id the instance
   * @param change returns the new state, or the very state it was given for no change
   * @return the state after the change (or the unchanged state), or empty when there is no instance
   */
  Optional<InstanceState> update(String id, UnaryOperator<InstanceState> change) {
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<VersionedValue> current = store.get(COLLECTION, id);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      InstanceState before = decode(current.get());
      InstanceState after = change.apply(before);
      if (after == before) {
        return Optional.of(before);
      }
      if (store.compareAndSet(COLLECTION, id, current.get().version(), encode(after), clock.instant()).isPresent()) {
        return Optional.of(after);
      }
    }
    throw new IllegalStateException("instance " + id + " kept changing under " + MAX_RACES + " attempts to update it");
  }

  /** Lists instances in id order, optionally of one workflow. */
  List<InstanceState> list(@Nullable String workflow) {
    List<InstanceState> out = new ArrayList<>();
    String after = null;
    while (true) {
      List<VersionedValue> page = store.list(COLLECTION, after, PAGE);
      for (VersionedValue value : page) {
        InstanceState state = decode(value);
        if (workflow == null || workflow.equals(state.workflow())) {
          out.add(state);
        }
      }
      if (page.size() < PAGE) {
        return out;
      }
      after = page.get(page.size() - 1).key();
    }
  }

  private byte[] encode(InstanceState state) {
    try {
      return json.writeValueAsBytes(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode workflow instance " + state.id(), e);
    }
  }

  private InstanceState decode(VersionedValue value) {
    try {
      return json.readValue(value.value(), InstanceState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("workflow instance " + value.key() + " is stored in a form this version cannot read", e);
    }
  }
}

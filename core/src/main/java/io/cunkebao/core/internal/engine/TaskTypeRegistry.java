package io.cunkebao.core.internal.engine;

import io.cunkebao.api.DuplicateTaskTypeException;
import io.cunkebao.api.TaskType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task types an engine knows, by name. Immutable; built once by the engine builder from
 * explicit registrations and discovered plugins.
 */
public final class TaskTypeRegistry {
  private final Map<String, TaskType<?>> byName;

  private TaskTypeRegistry(Map<String, TaskType<?>> byName) {
    this.byName = Map.copyOf(byName);
  }

  /**
   * Builds a registry, refusing a name claimed twice.
   *
   * @param registrations each task type with the class that contributed it
   * @return the registry
   * @throws DuplicateTaskTypeException naming both contributors of a name
   */
  public static TaskTypeRegistry of(Collection<Registration> registrations) {
    Map<String, TaskType<?>> byName = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (Registration r : registrations) {
      String earlier = sources.putIfAbsent(r.type().name(), r.source());
      if (earlier != null) {
        throw new DuplicateTaskTypeException(r.type().name(), earlier, r.source());
      }
      byName.put(r.type().name(), r.type());
    }
    return new TaskTypeRegistry(byName);
  }

  /**
   * The task type with a name.
   *
   * @param name the name
   * @return the type, or empty when unknown here
   */
  public Optional<TaskType<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** @return every registered name */
  public Set<String> names() {
    return byName.keySet();
  }

  /**
   * A task type and where it came from.
   *
   * @param type the task type
   * @param source the contributing class's name, for error messages
   */
  public record Registration(TaskType<?> type, String source) {
    /**
     * Wraps a list of types from one source.
     *
     * @param types the types
     * @param source the source
     * @return the registrations
     */
    public static List<Registration> all(List<? extends TaskType<?>> types, String source) {
      return types.stream().map(t -> new Registration(t, source)).toList();
    }
  }
}

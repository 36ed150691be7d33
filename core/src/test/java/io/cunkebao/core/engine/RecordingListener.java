package io.cunkebao.core.engine;

import io.cunkebao.api.TaskEvent;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event, for assertions. */
final class RecordingListener implements TaskListener {
  private final List<TaskEvent> events = new ArrayList<>();
  private final List<String> engineErrors = new ArrayList<>();

  @Override
  public synchronized void onTaskEvent(TaskEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void onEngineError(String where, Throwable error) {
    engineErrors.add(where + ": " + error);
  }

  synchronized List<TaskEvent.Kind> kinds(TaskId id) {
    return events.stream().filter(e -> e.taskId().equals(id)).map(TaskEvent::kind).toList();
  }

  synchronized List<TaskEvent> events(TaskId id) {
    return events.stream().filter(e -> e.taskId().equals(id)).toList();
  }

  synchronized long count(TaskEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }

  synchronized List<String> engineErrors() {
    return List.copyOf(engineErrors);
  }
}

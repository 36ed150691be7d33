package io.cunkebao.core.engine;

import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.TaskTypeProvider;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.util.List;

/** A plugin registered in the test resources' META-INF/services, found by discovery. */
public final class GreetingPlugin implements TaskTypeProvider {
  @Override
  public List<TaskType<?>> taskTypes() {
    return List.of(GREET);
  }

  @Override
  public List<ScheduleSpec> schedules() {
    return List.of(ScheduleSpec.builder("plugin-greet-daily", "0 2 * * *").task(TaskRequest.of(GREET, new Msg("morning"))).build());
  }

  private static final TaskType<Msg> GREET = TaskType.of("plugin:greet", Msg.class, (p, ctx) -> {});
}

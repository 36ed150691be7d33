package io.cunkebao.core.engine;

import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.TaskTypeProvider;
import io.cunkebao.core.engine.TestPayloads.Msg;
import java.util.List;

/** Claims the same type name as {@link GreetingPlugin}; passed explicitly, never discovered. */
public final class ClashingPlugin implements TaskTypeProvider {
  @Override
  public List<TaskType<?>> taskTypes() {
    return List.of(TaskType.of("plugin:greet", Msg.class, (p, ctx) -> {}));
  }
}

package io.cunkebao.core.workflow;

import io.cunkebao.core.internal.workflow.Definition;
import io.cunkebao.core.internal.workflow.StepSpec;
import java.util.Collection;
import java.util.Set;

/** Checks at build time that every step runs a task type the runner was given. */
final class TypeCheck {
  private final Set<String> known;

  TypeCheck(Set<String> known) {
    this.known = Set.copyOf(known);
  }

  void check(Collection<Definition> definitions) {
    for (Definition definition : definitions) {
      for (StepSpec step : definition.steps()) {
        check(definition, step);
        if (step.onFailure() != null) {
          check(definition, step.onFailure());
        }
      }
    }
  }

  private void check(Definition definition, StepSpec step) {
    if (!known.contains(step.type())) {
      throw new WorkflowDefinitionException(definition.source(), step.line(), definition.name(), step.id(),
          "runs task type '" + step.type() + "', which was not given to the workflow runner (given: " + known.stream().sorted().toList() + ")", null);
    }
  }
}

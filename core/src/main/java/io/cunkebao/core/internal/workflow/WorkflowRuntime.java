package io.cunkebao.core.internal.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cunkebao.api.NonRetryableTaskException;
import io.cunkebao.api.RetryPolicy;
import io.cunkebao.api.TaskClient;
import io.cunkebao.api.TaskContext;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.TimeoutPolicy;
import io.cunkebao.core.workflow.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running workflow machine of one engine: it starts instances, enqueues their steps and
 * changes their state. Everything it knows of an instance is in the state store, so any engine on
 * the same queue and store can carry on an instance another one started.
 */
public final class WorkflowRuntime {
  /** The internal task type that starts an instance. */
  public static final String START_TYPE = "cunkebao:workflow-start";
  /** The internal task type that runs one step of an instance. */
  public static final String STEP_TYPE = "cunkebao:workflow-step";
  private static final int MAX_ID_LENGTH = 80;

  private final Parts parts;
  private final InstanceStore store;
  private final Advancer advancer;

  /**
   * The runtime's collaborators.
   *
   * @param definitions definitions by name
   * @param taskTypes step task types by name
   * @param client the engine
   * @param clock the engine's clock
   * @param json the codec of instance state and step outputs
   * @param queue the queue step tasks go to
   * @param defaults the policies of steps whose definition and task type set none
   */
  public record Parts(Map<String, Definition> definitions, Map<String, TaskType<?>> taskTypes, TaskClient client,
      InstantSource clock, ObjectMapper json, String queue, TaskPolicy defaults) {}

  /**
   * A runtime over the engine's store.
   *
   * @param parts its collaborators
   * @param store the engine's state store
   * @param zone the engine's zone, for definitions that name none
   */
  public WorkflowRuntime(Parts parts, io.cunkebao.api.spi.StateStore store, java.time.ZoneId zone) {
    this.parts = parts;
    this.store = new InstanceStore(store, parts.json(), parts.clock());
    this.advancer = new Advancer(zone);
  }

  Parts parts() {
    return parts;
  }

  InstanceStore store() {
    return store;
  }

  Advancer advancer() {
    return advancer;
  }

  /**
   * Runs a start task: creates the instance (once, whatever the retries) and enqueues its first step.
   *
   * @param payload the workflow and its context
   * @param context the attempt
   */
  public void start(StartPayload payload, TaskContext context) {
    Definition definition = definition(payload.workflow());
    String id = payload.instanceId() != null ? payload.instanceId() : instanceIdFor(context.taskId());
    Instant now = parts.clock().instant();
    ObjectNode fields = definition.defaults().deepCopy();
    fields.setAll((ObjectNode) parts.json().valueToTree(payload.context()));
    InstanceState fresh = new InstanceState(id, definition.name(), WorkflowStatus.RUNNING, fields,
        parts.json().createObjectNode(), 0, false, 0, false, now, List.of(), null, now, now);
    enqueue(store.create(advancer.begin(definition, fresh, now)));
  }

  /**
   * Enqueues a start task for a new instance with a fresh id.
   *
   * @param workflow the definition's name
   * @param context the instance's context fields
   * @return the new instance's id
   */
  public String submitStart(String workflow, Map<String, Object> context) {
    String id = TaskId.generate(parts.clock().instant()).value();
    parts.client().submit(TaskRequest.builder(START_TYPE, new StartPayload(workflow, context, id))
        .queue(parts.queue()).id(TaskId.of("wf-start:" + id)).build());
    return id;
  }

  /**
   * Makes sure the task of the instance's current step is in the queue. Its id is fixed by the
   * instance, step and generation, so calling this again (after a crash, from a duplicate task)
   * enqueues nothing new.
   */
  void enqueue(InstanceState state) {
    if (!state.awaitsStepTask()) {
      return;
    }
    StepSpec step = definition(state.workflow()).step(state.step(), state.onFailure());
    StepPayload payload = new StepPayload(state.id(), state.step(), state.onFailure(), state.generation());
    parts.client().submit(TaskRequest.builder(STEP_TYPE, payload)
        .queue(parts.queue())
        .id(TaskId.of(payload.taskId()))
        .runAt(state.dueAt())
        .retry(retry(step))
        .timeout(timeout(step))
        .build());
  }

  /** The instance's state after an operator's change, then its step task ensured. */
  Optional<InstanceState> control(String id, java.util.function.UnaryOperator<InstanceState> change) {
    Optional<InstanceState> after = store.update(id, change);
    after.ifPresent(this::enqueue);
    return after;
  }

  Definition definition(String name) {
    Definition definition = parts.definitions().get(name);
    if (definition == null) {
      throw new NonRetryableTaskException("no workflow definition named '" + name + "' on this engine (known: "
          + parts.definitions().keySet().stream().sorted().toList() + ")");
    }
    return definition;
  }

  TaskType<?> taskType(StepSpec step) {
    TaskType<?> type = parts.taskTypes().get(step.type());
    if (type == null) {
      throw new NonRetryableTaskException("step '" + step.id() + "' runs task type '" + step.type() + "', which the workflow runner was not given");
    }
    return type;
  }

  RetryPolicy retry(StepSpec step) {
    if (step.retry() != null) {
      return step.retry();
    }
    return Optional.ofNullable(parts.taskTypes().get(step.type())).flatMap(TaskType::policy).map(TaskPolicy::retry).orElse(parts.defaults().retry());
  }

  TimeoutPolicy timeout(StepSpec step) {
    if (step.timeout() != null) {
      return step.timeout();
    }
    return Optional.ofNullable(parts.taskTypes().get(step.type())).flatMap(TaskType::policy).map(TaskPolicy::timeout).orElse(parts.defaults().timeout());
  }

  /** An instance id from the start task's id: the same task always starts the same instance. */
  static String instanceIdFor(TaskId startTask) {
    String value = startTask.value();
    if (value.length() <= MAX_ID_LENGTH) {
      return value;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return value.substring(0, 40) + "-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package io.cunkebao.core.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskType;
import io.cunkebao.core.EngineContext;
import io.cunkebao.core.EngineExtension;
import io.cunkebao.core.internal.workflow.Definition;
import io.cunkebao.core.internal.workflow.InstanceControl;
import io.cunkebao.core.internal.workflow.StartPayload;
import io.cunkebao.core.internal.workflow.StepPayload;
import io.cunkebao.core.internal.workflow.StepRunner;
import io.cunkebao.core.internal.workflow.Triggers;
import io.cunkebao.core.internal.workflow.WorkflowRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Durable multi-step workflows on the engine: an {@link EngineExtension} to add to the engine's
 * builder, and the facade to start, list, cancel, pause and resume instances.
 *
 * <pre>{@code
 * Workflows workflows = Workflows.builder()
 *     .definitions(WorkflowDefinition.fromResource("io/cunkebao/workflows/acquisition.yaml"))
 *     .taskTypes(acceptFriend, sendMessage, tagFriend, assignPool, pushCrm)
 *     .build();
 * TaskScheduler engine = Schedulers.builder().extension(workflows).build();
 * engine.start();
 * String id = workflows.start("acquisition", Map.of("wechatId", "wxid_1", "channel", "qr"));
 * }</pre>
 *
 * <p>Each step runs as a task in the queue (type {@value WorkflowRuntime#STEP_TYPE}, id
 * {@code wf:<instance>:<step>:<generation>}); each instance's state lives in the engine's state
 * store, so a second engine on the same queue and store (or this one after a restart) carries on
 * where the first stopped. Steps run the handlers of the task types given here, with their
 * parameters rendered and bound to the type's payload class; the value a handler's stage completes
 * with becomes the step's output ({@code steps.<id>} in later templates and conditions). Delivery
 * is at least once: a step whose attempt was cut short by a crash runs again, so step task types
 * must be idempotent or checkpointed; a completed step never runs again.
 *
 * <p>Thread-safe. The instance methods need the engine to have started.
 */
public final class Workflows implements EngineExtension {
  private final Map<String, Definition> definitions;
  private final Map<String, TaskType<?>> stepTypes;
  private final String queue;
  private final TaskPolicy defaults;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final CompletableFuture<Running> running = new CompletableFuture<>();

  private Workflows(Builder builder) {
    this.definitions = Map.copyOf(builder.definitions);
    this.stepTypes = Map.copyOf(builder.taskTypes);
    this.queue = builder.queue;
    this.defaults = builder.defaults;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<TaskType<?>> taskTypes() {
    return List.of(
        TaskType.builder(WorkflowRuntime.START_TYPE, StartPayload.class)
            .asyncHandler((payload, context) -> running.thenAccept(r -> r.runtime.start(payload, context)))
            .build(),
        TaskType.builder(WorkflowRuntime.STEP_TYPE, StepPayload.class)
            .asyncHandler((payload, context) -> running.thenCompose(r -> runStep(r, payload, context)))
            .build());
  }

  @Override
  public List<EventTrigger> eventTriggers() {
    Triggers triggers = new Triggers(json, queue);
    return definitions.values().stream().flatMap(d -> triggers.eventTrigger(d).stream()).toList();
  }

  /**
   * Watches for step tasks the engine dead-lettered without running their handler (attempts used
   * up by lost leases, a payload that no longer binds): their instance fails, or follows the
   * step's onFailure step, instead of waiting for ever.
   */
  @Override
  public List<io.cunkebao.api.TaskListener> listeners() {
    return List.of(new io.cunkebao.api.TaskListener() {
      @Override
      public void onTaskEvent(io.cunkebao.api.TaskEvent event) {
        if (event.kind() == io.cunkebao.api.TaskEvent.Kind.DEAD_LETTERED && WorkflowRuntime.STEP_TYPE.equals(event.type())) {
          Running r = running.getNow(null);
          if (r != null) {
            r.steps.refused(event.taskId().value(), event.reason() == null ? "dead-lettered" : event.reason());
          }
        }
      }
    });
  }

  @Override
  public void started(EngineContext context) {
    WorkflowRuntime runtime = new WorkflowRuntime(new WorkflowRuntime.Parts(definitions, stepTypes, context.scheduler(),
        context.clock(), json, queue, defaults), context.stateStore(), context.zone());
    Triggers triggers = new Triggers(json, queue);
    definitions.values().forEach(d -> triggers.schedule(d).ifPresent(context.scheduler().schedules()::add));
    running.complete(new Running(runtime, new StepRunner(runtime), new InstanceControl(runtime)));
  }

  /**
   * Starts an instance now, through the queue.
   *
   * @param workflow the definition's name
   * @param context the instance's context fields (JSON values), over the definition's defaults
   * @return the instance's id; the instance is visible once its start task ran
   * @throws IllegalArgumentException when there is no such workflow
   */
  public String start(String workflow, Map<String, ?> context) {
    Running r = running();
    if (!definitions.containsKey(workflow)) {
      throw new IllegalArgumentException("no workflow named '" + workflow + "' (known: " + definitions.keySet().stream().sorted().toList() + ")");
    }
    return r.runtime.submitStart(workflow, new LinkedHashMap<>(context));
  }

  /**
   * One instance.
   *
   * @param id its id
   * @return it, or empty when unknown (or not started yet)
   */
  public Optional<WorkflowInstance> instance(String id) {
    return running().control.get(id);
  }

  /** @return every instance, in id order */
  public List<WorkflowInstance> instances() {
    return running().control.list(null);
  }

  /**
   * One workflow's instances.
   *
   * @param workflow the definition's name
   * @return its instances, in id order
   */
  public List<WorkflowInstance> instances(String workflow) {
    return running().control.list(workflow);
  }

  /**
   * Cancels an instance: no further step starts, and its waiting step task is cancelled.
   *
   * @param id the instance
   * @return the instance after the change
   * @throws IllegalArgumentException when unknown
   * @throws IllegalStateException when it already finished
   */
  public WorkflowInstance cancel(String id) {
    return running().control.cancel(id);
  }

  /**
   * Pauses an instance: the next step that falls due waits until {@link #resume}.
   *
   * @param id the instance
   * @return the instance after the change
   * @throws IllegalArgumentException when unknown
   * @throws IllegalStateException when it already finished
   */
  public WorkflowInstance pause(String id) {
    return running().control.pause(id);
  }

  /**
   * Resumes a paused instance; a step that fell due meanwhile runs at once.
   *
   * @param id the instance
   * @return the instance after the change
   * @throws IllegalArgumentException when unknown
   * @throws IllegalStateException when it already finished
   */
  public WorkflowInstance resume(String id) {
    return running().control.resume(id);
  }

  /** @return the definitions, by name */
  public List<String> workflowNames() {
    return definitions.keySet().stream().sorted().toList();
  }

  private static CompletionStage<?> runStep(Running r, StepPayload payload, io.cunkebao.api.TaskContext context) {
    try {
      CompletionStage<?> stage = r.steps.run(payload, context);
      return stage != null ? stage : CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Running running() {
    Running r = running.getNow(null);
    if (r == null) {
      throw new IllegalStateException("the engine this workflow runner was added to has not started");
    }
    return r;
  }

  /** The parts that exist once the engine has started. */
  private record Running(WorkflowRuntime runtime, StepRunner steps, InstanceControl control) {}

  /** Builds {@link Workflows}. */
  public static final class Builder {
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, TaskType<?>> taskTypes = new LinkedHashMap<>();
    private String queue = TaskRequest.DEFAULT_QUEUE;
    private TaskPolicy defaults = TaskPolicy.seedDefault();

    private Builder() {}

    /**
     * Adds definitions; names are unique.
     *
     * @param more the definitions
     * @return this builder
     */
    public Builder definitions(WorkflowDefinition... more) {
      return definitions(List.of(more));
    }

    /**
     * Adds definitions; names are unique.
     *
     * @param more the definitions
     * @return this builder
     */
    public Builder definitions(List<WorkflowDefinition> more) {
      for (WorkflowDefinition d : more) {
        if (definitions.containsKey(d.name())) {
          throw new IllegalArgumentException("two workflow definitions are named '" + d.name() + "': "
              + definitions.get(d.name()).source() + " and " + d.source());
        }
        definitions.put(d.name(), d.definition());
      }
      return this;
    }

    /**
     * The task types steps run (their handlers are called by the step tasks; they need not be
     * registered with the engine, and may be).
     *
     * @param types the task types
     * @return this builder
     */
    public Builder taskTypes(TaskType<?>... types) {
      for (TaskType<?> type : types) {
        if (taskTypes.putIfAbsent(type.name(), type) != null) {
          throw new IllegalArgumentException("task type '" + type.name() + "' was given twice");
        }
      }
      return this;
    }

    /**
     * The queue of start and step tasks (one the engine consumes). Default {@value TaskRequest#DEFAULT_QUEUE}.
     *
     * @param name the queue
     * @return this builder
     */
    public Builder queue(String name) {
      if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,64}")) {
        throw new IllegalArgumentException("queue name must be 1 to 64 of [A-Za-z0-9_.:-] but was " + name);
      }
      this.queue = name;
      return this;
    }

    /**
     * The retry and timeout of steps whose definition and task type set none. Default the seed's.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder defaultPolicy(TaskPolicy policy) {
      this.defaults = java.util.Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Checks that every step's task type was given.
     *
     * @return the workflow runner, to add to the engine's builder with {@code extension(...)}
     * @throws WorkflowDefinitionException naming the step whose task type is missing
     */
    public Workflows build() {
      new TypeCheck(taskTypes.keySet()).check(definitions.values());
      return new Workflows(this);
    }
  }
}

package io.cunkebao.core;

import io.cunkebao.api.EventPublisher;
import io.cunkebao.api.EventTrigger;
import io.cunkebao.api.device.SeatCredentials;
import io.cunkebao.api.spi.DeviceDriver;
import io.cunkebao.api.spi.DeviceDriverConfig;
import io.cunkebao.api.spi.DeviceDriverProvider;
import io.cunkebao.api.ScheduleSpec;
import io.cunkebao.api.TaskListener;
import io.cunkebao.api.spi.StateStore;
import io.cunkebao.core.internal.trigger.EventBus;
import io.cunkebao.api.TaskPolicy;
import io.cunkebao.api.TaskScheduler;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.spi.QueueDriver;
import io.cunkebao.api.spi.QueueDriverConfig;
import io.cunkebao.api.spi.QueueDriverProvider;
import io.cunkebao.api.spi.TaskTypeProvider;
import io.cunkebao.core.internal.engine.Collaborators;
import io.cunkebao.core.internal.engine.DeferredPublisher;
import io.cunkebao.core.internal.engine.Providers;
import io.cunkebao.core.internal.engine.Engine;
import io.cunkebao.core.internal.engine.TaskTypeRegistry;
import io.cunkebao.core.internal.engine.TaskTypeRegistry.Registration;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures and builds a {@link TaskScheduler}. Each setter checks its value at once and names
 * the option when it is wrong; {@link #build()} checks the combination and may be called again.
 *
 * <p>Ownership: what the builder creates (the default executors, a driver opened from a URI), the
 * engine closes at shutdown. What you pass in (a {@link QueueDriver}, an executor, a timer) stays
 * yours to close.
 *
 * <p>The class is long because each option carries its documentation and checks here; what it
 * assembles lives elsewhere (driver discovery in {@code internal.engine.Providers}, the engine in
 * {@code internal.engine.Engine}).
 */
public final class SchedulerBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerBuilder.class);

  /** Default max concurrency, the seed's: {@value}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 5;
  /** Default lease: 30 seconds. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
  /** Default poll interval for drivers that cannot notify, and as a safety net: 1 second. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  /** Default wait for running attempts at shutdown: 30 seconds. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  /** Default payload size limit: 1 MiB. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;
  /** Default queue URI: {@value}. */
  public static final String DEFAULT_QUEUE_URI = "memory:";

  private @Nullable QueueDriver driver;
  private @Nullable URI queueUri;
  private final List<String> queues = new ArrayList<>();
  private final List<Registration> taskTypes = new ArrayList<>();
  private final Map<String, Integer> resourceLimits = new LinkedHashMap<>();
  private final List<TaskListener> listeners = new ArrayList<>();
  private final List<EventTrigger> eventTriggers = new ArrayList<>();
  private final List<EngineExtension> extensions = new ArrayList<>();
  private final List<ScheduleSpec> defaultSchedules = new ArrayList<>();
  private @Nullable DeviceDriver deviceDriver;
  private @Nullable URI deviceUri;
  private @Nullable DeviceDriverConfig deviceConfig;
  private final List<SeatCredentials> seats = new ArrayList<>();
  private @Nullable StateStore stateStore;
  private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
  private Duration leaseDuration = DEFAULT_LEASE_DURATION;
  private Duration pollInterval = DEFAULT_POLL_INTERVAL;
  private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
  private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
  private TaskPolicy defaultPolicy = TaskPolicy.seedDefault();
  private ZoneId zone = ZoneId.systemDefault();
  private @Nullable String workerId;
  private Duration idempotencyWindow = QueueDriverConfig.DEFAULT_IDEMPOTENCY_WINDOW;
  private int completedRetention = QueueDriverConfig.DEFAULT_COMPLETED_RETENTION;
  private Duration completedMaxAge = QueueDriverConfig.DEFAULT_COMPLETED_MAX_AGE;
  private InstantSource clock = InstantSource.system();
  private @Nullable EngineTimer timer;
  private @Nullable Executor workerExecutor;

  SchedulerBuilder() {}

  /**
   * Uses a queue driver you own (and close). Excludes {@link #queueUri}.
   *
   * @param driver the driver
   * @return this builder
   */
  public SchedulerBuilder queue(QueueDriver driver) {
    requireState(queueUri == null, "queue driver cannot be set together with queueUri " + queueUri);
    this.driver = Objects.requireNonNull(driver, "driver");
    return this;
  }

  /**
   * Opens the queue from a URI ({@code memory:}, {@code redis://host:6379} ...) through the
   * {@link QueueDriverProvider} found for its scheme; the engine owns and closes it. Default
   * {@value #DEFAULT_QUEUE_URI}.
   *
   * @param uri the URI
   * @return this builder
   */
  public SchedulerBuilder queueUri(String uri) {
    requireState(driver == null, "queueUri cannot be set together with a queue driver");
    this.queueUri = parseQueueUri(Objects.requireNonNull(uri, "uri"));
    return this;
  }

  /** Parses a queue URI; a bare scheme such as {@code memory:} is accepted as {@code memory:default}. */
  static URI parseQueueUri(String uri) {
    String text = uri.matches("[A-Za-z][A-Za-z0-9+.-]*:") ? uri + "default" : uri;
    URI parsed;
    try {
      parsed = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("queueUri is not a valid URI: " + uri + " (" + e.getMessage() + ")", e);
    }
    requireArgument(parsed.getScheme() != null, "queueUri must have a scheme such as memory: or redis:// but was " + uri);
    return parsed;
  }

  /**
   * The queues this engine claims from (default {@code default}).
   *
   * @param names queue names
   * @return this builder
   */
  public SchedulerBuilder consume(String... names) {
    for (String name : names) {
      requireArgument(name != null && name.matches("[A-Za-z0-9_.:-]{1,64}"), "queue name must be 1 to 64 of [A-Za-z0-9_.:-] but was " + name);
      if (!queues.contains(name)) {
        queues.add(name);
      }
    }
    return this;
  }

  /**
   * Registers task types.
   *
   * @param types the task types
   * @return this builder
   */
  public SchedulerBuilder taskTypes(TaskType<?>... types) {
    for (TaskType<?> type : types) {
      Objects.requireNonNull(type, "task type");
      taskTypes.add(new Registration(type, "the builder (handler " + type.handler().getClass().getName() + ")"));
    }
    return this;
  }

  /**
   * Registers a plugin's task types.
   *
   * @param provider the plugin
   * @return this builder
   */
  public SchedulerBuilder plugin(TaskTypeProvider provider) {
    Objects.requireNonNull(provider, "provider");
    if (!TaskTypeProvider.API_VERSION.equals(provider.apiVersion())) {
      LOG.warn("Plugin {} was written for SPI version {}, this engine has {}", provider.getClass().getName(), provider.apiVersion(), TaskTypeProvider.API_VERSION);
    }
    taskTypes.addAll(Registration.all(provider.taskTypes(), provider.getClass().getName()));
    defaultSchedules.addAll(provider.schedules());
    return this;
  }

  /**
   * Registers every {@link TaskTypeProvider} that {@link ServiceLoader} finds with the given class
   * loader. A provider that fails to load is logged with its error and skipped.
   *
   * @param classLoader where to look
   * @return this builder
   */
  public SchedulerBuilder discoverPlugins(ClassLoader classLoader) {
    var iterator = ServiceLoader.load(TaskTypeProvider.class, classLoader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        plugin(iterator.next());
      } catch (ServiceConfigurationError e) {
        LOG.error("A task-type plugin failed to load and is skipped: {}", e.getMessage(), e);
      }
    }
    return this;
  }

  /**
   * Registers the plugins found by the thread's context class loader.
   *
   * @return this builder
   */
  public SchedulerBuilder discoverPlugins() {
    return discoverPlugins(Thread.currentThread().getContextClassLoader());
  }

  /**
   * The most attempts this engine runs at once. Default {@value #DEFAULT_MAX_CONCURRENCY}.
   *
   * @param max 1 to 10,000
   * @return this builder
   */
  public SchedulerBuilder maxConcurrency(int max) {
    requireArgument(max >= 1 && max <= 10_000, "maxConcurrency must be 1 to 10000 but was " + max);
    this.maxConcurrency = max;
    return this;
  }

  /**
   * The most running tasks, across all nodes, that may hold one resource of a kind (for example 1
   * per {@code account}). Kinds without a limit are unlimited.
   *
   * @param kind the resource kind
   * @param max at least 1
   * @return this builder
   */
  public SchedulerBuilder resourceLimit(String kind, int max) {
    requireArgument(kind != null && kind.matches("[a-z0-9_-]{1,32}"), "resource kind must match [a-z0-9_-]{1,32} but was " + kind);
    requireArgument(max >= 1, "resourceLimit for " + kind + " must be at least 1 but was " + max);
    resourceLimits.put(kind, max);
    return this;
  }

  /**
   * How long a claim holds a task; renewed every third of it while the attempt runs. Default 30 s.
   *
   * @param lease at least 1 second
   * @return this builder
   */
  public SchedulerBuilder leaseDuration(Duration lease) {
    requireArgument(lease != null && lease.compareTo(Duration.ofSeconds(1)) >= 0, "leaseDuration must be at least 1 s but was " + lease);
    this.leaseDuration = lease;
    return this;
  }

  /**
   * The longest an idle engine waits before asking the queue again. Default 1 s.
   *
   * @param interval positive
   * @return this builder
   */
  public SchedulerBuilder pollInterval(Duration interval) {
    requirePositive(interval, "pollInterval");
    this.pollInterval = interval;
    return this;
  }

  /**
   * How long {@code close()} waits for running attempts. Default 30 s.
   *
   * @param timeout not negative
   * @return this builder
   */
  public SchedulerBuilder shutdownTimeout(Duration timeout) {
    requireArgument(timeout != null && !timeout.isNegative(), "shutdownTimeout must not be negative but was " + timeout);
    this.shutdownTimeout = timeout;
    return this;
  }

  /**
   * The largest encoded payload accepted. Default 1 MiB.
   *
   * @param bytes positive
   * @return this builder
   */
  public SchedulerBuilder maxPayloadBytes(int bytes) {
    requireArgument(bytes > 0, "maxPayloadBytes must be positive but was " + bytes);
    this.maxPayloadBytes = bytes;
    return this;
  }

  /**
   * The policies of task types that set none. Default {@link TaskPolicy#seedDefault()}.
   *
   * @param policy the policies
   * @return this builder
   */
  public SchedulerBuilder defaultPolicy(TaskPolicy policy) {
    this.defaultPolicy = Objects.requireNonNull(policy, "defaultPolicy");
    return this;
  }

  /**
   * The zone of "today" in the monitoring counts. Default the system's.
   *
   * @param zone the zone
   * @return this builder
   */
  public SchedulerBuilder zone(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    return this;
  }

  /**
   * This engine's id in leases and logs. Default a random one.
   *
   * @param id not blank
   * @return this builder
   */
  public SchedulerBuilder workerId(String id) {
    requireArgument(id != null && !id.isBlank(), "workerId must not be blank");
    this.workerId = id;
    return this;
  }

  /**
   * How long an idempotency key deduplicates, for a queue opened from a URI. Default 24 h.
   *
   * @param window not negative
   * @return this builder
   */
  public SchedulerBuilder idempotencyWindow(Duration window) {
    requireArgument(window != null && !window.isNegative(), "idempotencyWindow must not be negative but was " + window);
    this.idempotencyWindow = window;
    return this;
  }

  /**
   * How many finished tasks, and for how long, a queue opened from a URI keeps. Default 10,000 and
   * 24 h.
   *
   * @param count not negative
   * @param maxAge not negative
   * @return this builder
   */
  public SchedulerBuilder completedRetention(int count, Duration maxAge) {
    requireArgument(count >= 0, "completedRetention count must not be negative but was " + count);
    requireArgument(maxAge != null && !maxAge.isNegative(), "completedRetention maxAge must not be negative but was " + maxAge);
    this.completedRetention = count;
    this.completedMaxAge = maxAge;
    return this;
  }

  /**
   * The clock of the engine and its driver. Default the system clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public SchedulerBuilder clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The timer for dispatch, lease renewal and timeouts; yours to close. Default a single daemon
   * thread the engine owns.
   *
   * @param timer the timer
   * @return this builder
   */
  public SchedulerBuilder timer(EngineTimer timer) {
    this.timer = Objects.requireNonNull(timer, "timer");
    return this;
  }

  /**
   * The executor that runs handlers; yours to close. It needs at least {@code maxConcurrency}
   * threads for full concurrency. Default a pool of {@code maxConcurrency} threads the engine
   * owns.
   *
   * @param executor the executor
   * @return this builder
   */
  public SchedulerBuilder workerExecutor(Executor executor) {
    this.workerExecutor = Objects.requireNonNull(executor, "workerExecutor");
    return this;
  }

  /**
   * Adds a listener for every transition.
   *
   * @param listener the listener
   * @return this builder
   */
  public SchedulerBuilder listener(TaskListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Adds an event trigger: events of its type published to the engine become tasks.
   *
   * @param trigger the trigger; names are unique
   * @return this builder
   */
  public SchedulerBuilder eventTrigger(EventTrigger trigger) {
    eventTriggers.add(Objects.requireNonNull(trigger, "trigger"));
    return this;
  }

  /**
   * Adds an extension (the workflow runner, for instance), which contributes task types and event
   * triggers and is told when the engine starts.
   *
   * @param extension the extension
   * @return this builder
   */
  public SchedulerBuilder extension(EngineExtension extension) {
    Objects.requireNonNull(extension, "extension");
    extensions.add(extension);
    taskTypes.addAll(Registration.all(extension.taskTypes(), extension.getClass().getName()));
    eventTriggers.addAll(extension.eventTriggers());
    listeners.addAll(extension.listeners());
    return this;
  }

  /**
   * Where schedules and workflow instances live. Default: the queue driver's store when it has
   * one (shared by every engine on the queue), else an {@link InMemoryStateStore}.
   *
   * @param store the store; yours to close
   * @return this builder
   */
  public SchedulerBuilder stateStore(StateStore store) {
    this.stateStore = Objects.requireNonNull(store, "stateStore");
    return this;
  }

  /**
   * Uses a device driver you own (and close). The engines that share the state store compete for
   * the seats: each seat is owned by one engine at a time, which signs it in and lets its
   * handlers use it through {@code TaskContext.devices()}. Excludes {@link #deviceUri}.
   *
   * @param driver the driver
   * @param seats the seats to own
   * @return this builder
   */
  public SchedulerBuilder devices(DeviceDriver driver, SeatCredentials... seats) {
    requireState(deviceUri == null && deviceDriver == null, "a device driver is already set");
    this.deviceDriver = Objects.requireNonNull(driver, "driver");
    this.seats.addAll(List.of(seats));
    return this;
  }

  /**
   * Opens a device driver from a URI ({@code ws://host:port}, {@code wss://...}) through the
   * {@link DeviceDriverProvider} found for its scheme, handing it this engine as the event
   * publisher; the engine owns and closes it. Excludes {@link #devices}.
   *
   * @param uri the device cloud's URI
   * @param config the driver's settings
   * @param seats the seats to own
   * @return this builder
   */
  public SchedulerBuilder deviceUri(String uri, DeviceDriverConfig config, SeatCredentials... seats) {
    requireState(deviceUri == null && deviceDriver == null, "a device driver is already set");
    this.deviceUri = URI.create(Objects.requireNonNull(uri, "uri"));
    requireArgument(deviceUri.getScheme() != null, "deviceUri must have a scheme such as ws:// but was " + uri);
    this.deviceConfig = Objects.requireNonNull(config, "config");
    this.seats.addAll(List.of(seats));
    return this;
  }

  /**
   * Builds the engine; it claims nothing until {@code start()}.
   *
   * @return the engine
   * @throws io.cunkebao.api.DuplicateTaskTypeException when two registrations share a name
   * @throws IllegalStateException when no queue driver serves the URI's scheme
   */
  public TaskScheduler build() {
    SchedulerConfig config = config();
    EventBus eventBus = new EventBus(eventTriggers, config.queues().get(0));
    List<Registration> all = new ArrayList<>(taskTypes);
    all.add(new Registration(eventBus.taskType(), EventBus.class.getName()));
    TaskTypeRegistry registry = TaskTypeRegistry.of(all);
    List<AutoCloseable> owned = new ArrayList<>();
    EngineTimer engineTimer = timer;
    if (engineTimer == null) {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads("cunkebao-timer"));
      executor.setRemoveOnCancelPolicy(true);
      owned.add(executor::shutdownNow);
      engineTimer = EngineTimer.of(executor);
    }
    Executor workers = workerExecutor;
    if (workers == null) {
      ExecutorService pool = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 60, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), threads("cunkebao-worker"));
      owned.add(0, pool::shutdownNow);
      workers = pool;
    }
    QueueDriver queue = driver;
    if (queue == null) {
      URI uri = queueUri != null ? queueUri : parseQueueUri(DEFAULT_QUEUE_URI);
      queue = Providers.open(QueueDriverProvider.class, uri, QueueDriverProvider::scheme,
          p -> p.open(uri, config.driverConfig()), "queue driver", "e.g. cunkebao-queue-redis for redis://");
      owned.add(queue);
    }
    StateStore store = stateStore != null ? stateStore : queue.stateStore().orElseGet(InMemoryStateStore::new);
    DeferredPublisher publisher = new DeferredPublisher();
    Collaborators.DeviceSetup devices = deviceSetup(publisher, owned);
    Engine engine = new Engine(config, new Collaborators(queue, registry, clock, engineTimer, workers, listeners, owned,
        store, eventBus, extensions, defaultSchedules, devices));
    publisher.target(engine);
    return engine;
  }

  private Collaborators.@Nullable DeviceSetup deviceSetup(EventPublisher publisher, List<AutoCloseable> owned) {
    if (deviceDriver != null) {
      return new Collaborators.DeviceSetup(deviceDriver, seats);
    }
    if (deviceUri == null || deviceConfig == null) {
      return null;
    }
    URI uri = deviceUri;
    DeviceDriverConfig config = deviceConfig;
    DeviceDriver opened = Providers.open(DeviceDriverProvider.class, uri, DeviceDriverProvider::scheme,
        p -> p.open(uri, config, publisher), "device driver", "e.g. cunkebao-device-ws for ws://");
    owned.add(0, opened);
    return new Collaborators.DeviceSetup(opened, seats);
  }

  private SchedulerConfig config() {
    return new SchedulerConfig(
        queues.isEmpty() ? List.of(io.cunkebao.api.TaskRequest.DEFAULT_QUEUE) : queues,
        maxConcurrency, resourceLimits, leaseDuration, pollInterval, shutdownTimeout, maxPayloadBytes,
        defaultPolicy, zone, workerId != null ? workerId : "engine-" + UUID.randomUUID().toString().substring(0, 8),
        new QueueDriverConfig(idempotencyWindow, completedRetention, completedMaxAge, zone, Map.of()));
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void requireArgument(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void requireState(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void requirePositive(@Nullable Duration d, String name) {
    requireArgument(d != null && !d.isNegative() && !d.isZero(), name + " must be positive but was " + d);
  }
}

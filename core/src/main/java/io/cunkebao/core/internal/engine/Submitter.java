package io.cunkebao.core.internal.engine;

import io.cunkebao.api.InvalidTaskRequestException;
import io.cunkebao.api.TaskEvent.Kind;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskRequest;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.TaskType;
import io.cunkebao.api.UnknownTaskTypeException;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.TaskEnvelope;
import java.time.Instant;

/**
 * Validates a request, encodes its payload and enqueues it. Everything wrong with a request is
 * rejected here, to the caller, with the field named; nothing half-valid reaches the queue.
 */
final class Submitter {
  private final EngineParts parts;

  Submitter(EngineParts parts) {
    this.parts = parts;
  }

  TaskId submit(TaskRequest<?> request) {
    byte[] bytes = validatedPayload(request);
    Instant now = parts.clock().instant();
    TaskEnvelope envelope = new TaskEnvelope(
        request.id().orElseGet(() -> TaskId.generate(now)),
        request.queue(),
        request.type(),
        bytes,
        request.priority(),
        request.dueAt(now),
        now,
        request.idempotencyKey().orElse(null),
        request.resources(),
        headers(request));
    EnqueueResult result = parts.driver().enqueue(envelope, now);
    if (result.created()) {
      parts.emit(Kind.ENQUEUED, envelope, null, TaskStatus.PENDING, 0, null);
    }
    return result.id();
  }

  /** The policy overrides, plus the mark of an engine-generated id (which needs no dedupe window). */
  private static java.util.Map<String, String> headers(TaskRequest<?> request) {
    java.util.Map<String, String> policy = PolicyHeaders.encode(request);
    if (request.id().isPresent()) {
      return policy;
    }
    if (policy.isEmpty()) {
      return TaskEnvelope.GENERATED_ID_ONLY;
    }
    java.util.Map<String, String> all = new java.util.HashMap<>(policy);
    all.put(TaskEnvelope.GENERATED_ID_HEADER, "true");
    return all;
  }

  /** Validates a template and encodes it for storage (a schedule's task). */
  EncodedTask encodeTemplate(TaskRequest<?> request) {
    byte[] bytes = validatedPayload(request);
    return new EncodedTask(request.queue(), request.type(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        request.priority(), request.resources().stream().map(Object::toString).toList(), PolicyHeaders.encode(request));
  }

  /** Enqueues a stored template under a chosen id (a schedule's firing), due at {@code runAt}. */
  TaskId submitEncoded(EncodedTask task, TaskId id, Instant runAt) {
    Instant now = parts.clock().instant();
    TaskEnvelope envelope = new TaskEnvelope(id, task.queue(), task.type(),
        task.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), task.priority(), runAt, now, null,
        task.resourceKeys(), task.headers());
    EnqueueResult result = parts.driver().enqueue(envelope, now);
    if (result.created()) {
      parts.emit(Kind.ENQUEUED, envelope, null, TaskStatus.PENDING, 0, null);
    }
    return result.id();
  }

  private byte[] validatedPayload(TaskRequest<?> request) {
    TaskType<?> type = parts.registry().find(request.type()).orElseThrow(() -> new UnknownTaskTypeException(request.type()));
    Object payload = request.payload();
    if (!type.payloadType().isInstance(payload)) {
      throw new InvalidTaskRequestException("payload", "task type '" + type.name() + "' takes "
          + type.payloadType().getName() + " but was given " + payload.getClass().getName());
    }
    return encode(payload, type);
  }

  private byte[] encode(Object payload, TaskType<?> type) {
    byte[] bytes;
    try {
      bytes = parts.codec().encode(payload);
    } catch (PayloadCodec.CodecException e) {
      throw new InvalidTaskRequestException(field(e), "cannot be written as JSON: " + e.getMessage());
    }
    int limit = parts.config().maxPayloadBytes();
    if (bytes.length > limit) {
      throw new InvalidTaskRequestException("payload", "is " + bytes.length + " bytes encoded, over the limit of " + limit);
    }
    try {
      // Bind it back now: a payload that would not bind at run time is refused to the caller
      // instead of being dead-lettered later.
      parts.codec().decode(bytes, type.payloadType());
    } catch (PayloadCodec.CodecException e) {
      throw new InvalidTaskRequestException(field(e), "does not bind back to " + type.payloadType().getName() + ": " + e.getMessage());
    }
    return bytes;
  }

  private static String field(PayloadCodec.CodecException e) {
    return e.path().isEmpty() ? "payload" : "payload." + e.path();
  }
}

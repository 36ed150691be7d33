package io.cunkebao.queue.redis;

import io.cunkebao.api.IdempotencyConflictException;
import io.cunkebao.api.Progress;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.TaskStatus;
import io.cunkebao.api.spi.ClaimRequest;
import io.cunkebao.api.spi.ClaimedTask;
import io.cunkebao.api.spi.EnqueueResult;
import io.cunkebao.api.spi.Lease;
import io.cunkebao.api.spi.LeaseState;
import io.cunkebao.api.spi.TaskEnvelope;
import io.lettuce.core.ScriptOutputType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Enqueue, claim and everything a lease holder does, each one script. */
final class LeaseCalls {
  private static final int ITEMS_PER_CLAIMED = 7;

  private final ScriptCaller caller;
  private final Scripts scripts;
  private final SecureRandom random = new SecureRandom();

  LeaseCalls(ScriptCaller caller) {
    this.caller = caller;
    this.scripts = caller.scripts;
  }

  EnqueueResult enqueue(TaskEnvelope envelope, Instant now) {
    requireNoSeparator("queue", envelope.queue());
    List<byte[]> args = new ArrayList<>();
    args.add(Codec.text(envelope.id().value()));
    args.add(Codec.encode(envelope));
    args.add(Codec.text(envelope.queue()));
    args.add(Codec.text(envelope.priority()));
    args.add(Codec.text(Codec.micros(envelope.runAt())));
    args.add(Codec.text(envelope.idempotencyKey() == null ? "" : envelope.idempotencyKey()));
    args.add(Codec.workDigest(envelope));
    args.add(Codec.text(envelope.generatedId() ? "1" : "0"));
    envelope.resources().forEach(r -> args.add(Codec.text(requireNoSeparator("resource", r.toString()))));
    List<Object> reply = caller.run(scripts.enqueue, ScriptOutputType.MULTI, now, args);
    String code = Codec.string((byte[]) reply.get(0));
    if (code.equals("conflict")) {
      throw new IdempotencyConflictException(Codec.string((byte[]) reply.get(1)), TaskId.of(Codec.string((byte[]) reply.get(2))));
    }
    return new EnqueueResult(TaskId.of(Codec.string((byte[]) reply.get(2))), (Long) reply.get(1) == 1L);
  }

  List<ClaimedTask> claim(ClaimRequest request) {
    Instant expiry = request.now().plus(request.leaseDuration());
    byte[] tokenBytes = new byte[16];
    random.nextBytes(tokenBytes);
    List<byte[]> args = new ArrayList<>();
    args.add(Codec.text(Codec.micros(expiry)));
    args.add(Codec.text(request.max()));
    args.add(Codec.text(HexFormat.of().formatHex(tokenBytes) + ":"));
    args.add(Codec.text(request.queues().size()));
    request.queues().forEach(q -> args.add(Codec.text(q)));
    args.add(Codec.text(request.ownedSeats().size()));
    request.ownedSeats().forEach(seat -> args.add(Codec.text(seat)));
    for (Map.Entry<String, Integer> limit : request.resourceLimits().entrySet()) {
      args.add(Codec.text(limit.getKey()));
      args.add(Codec.text(limit.getValue()));
    }
    List<Object> reply = caller.run(scripts.claim, ScriptOutputType.MULTI, request.now(), args);
    List<ClaimedTask> claimed = new ArrayList<>(reply.size() / ITEMS_PER_CLAIMED);
    for (int i = 0; i < reply.size(); i += ITEMS_PER_CLAIMED) {
      TaskEnvelope envelope = Codec.decodeEnvelope((byte[]) reply.get(i + 1));
      Lease lease = new Lease(envelope.id(), Codec.string((byte[]) reply.get(i + 4)), (Long) reply.get(i + 3), expiry,
          request.workerId());
      claimed.add(new ClaimedTask(envelope, lease, Math.toIntExact((Long) reply.get(i + 2)),
          (byte[]) reply.get(i + 5), Codec.decodeProgress((byte[]) reply.get(i + 6))));
    }
    return claimed;
  }

  LeaseState extend(Lease lease, Instant newExpiry, Instant now) {
    List<byte[]> args = leaseArgs(lease);
    args.add(Codec.text(Codec.micros(newExpiry)));
    byte[] state = caller.run(scripts.extend, ScriptOutputType.VALUE, now, args);
    return LeaseState.valueOf(Codec.string(state));
  }

  LeaseState checkpoint(Lease lease, byte @Nullable [] checkpoint, @Nullable Progress progress, Instant now) {
    List<byte[]> args = leaseArgs(lease);
    args.add(Codec.text(checkpoint != null ? "1" : "0"));
    args.add(checkpoint != null ? checkpoint : new byte[0]);
    args.add(Codec.text(progress != null ? "1" : "0"));
    args.add(progress != null ? Codec.encode(progress) : new byte[0]);
    byte[] state = caller.run(scripts.checkpoint, ScriptOutputType.VALUE, now, args);
    return LeaseState.valueOf(Codec.string(state));
  }

  Optional<TaskStatus> ack(Lease lease, Instant now) {
    return status(caller.run(scripts.ack, ScriptOutputType.INTEGER, now, leaseArgs(lease)));
  }

  Optional<TaskStatus> retry(Lease lease, Instant runAt, String error, Instant now) {
    List<byte[]> args = leaseArgs(lease);
    args.add(Codec.text(Codec.micros(runAt)));
    args.add(Codec.text(error));
    return status(caller.run(scripts.retry, ScriptOutputType.INTEGER, now, args));
  }

  Optional<TaskStatus> deadLetter(Lease lease, String reason, boolean keep, Instant now) {
    List<byte[]> args = leaseArgs(lease);
    args.add(Codec.text(reason));
    args.add(Codec.text(keep ? "1" : "0"));
    return status(caller.run(scripts.deadLetter, ScriptOutputType.INTEGER, now, args));
  }

  Optional<TaskStatus> release(Lease lease, Instant now) {
    return status(caller.run(scripts.release, ScriptOutputType.INTEGER, now, leaseArgs(lease)));
  }

  private static List<byte[]> leaseArgs(Lease lease) {
    List<byte[]> args = new ArrayList<>(8);
    args.add(Codec.text(lease.taskId().value()));
    args.add(Codec.text(lease.token()));
    args.add(Codec.text(lease.fencingToken()));
    return args;
  }

  private static Optional<TaskStatus> status(Long code) {
    return code < 0 ? Optional.empty() : Optional.of(TaskStatus.fromCode(Math.toIntExact(code)));
  }

  /** Queue names and resources are joined with NUL in sorted-set members; they must not hold one. */
  private static String requireNoSeparator(String what, String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not contain a NUL character: " + value.replace('\0', '?'));
    }
    return value;
  }
}

package io.cunkebao.queue.redis;

import io.cunkebao.api.Progress;
import io.cunkebao.api.ResourceKey;
import io.cunkebao.api.TaskId;
import io.cunkebao.api.spi.TaskEnvelope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The byte forms the driver stores: envelopes, progress and times. Envelopes are a small versioned
 * binary format of our own (never Java serialization); times in scripts are epoch microseconds,
 * which Lua's doubles hold exactly.
 */
final class Codec {
  private static final int ENVELOPE_VERSION = 1;

  private Codec() {}

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  static byte[] text(Object value) {
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The digest that decides between a duplicate and a conflict: type and payload. */
  static byte[] workDigest(TaskEnvelope envelope) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(envelope.type().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(envelope.payload());
      return text(HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] encode(TaskEnvelope e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + e.payload().length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(ENVELOPE_VERSION);
      writeString(out, e.id().value());
      writeString(out, e.queue());
      writeString(out, e.type());
      out.writeInt(e.payload().length);
      out.write(e.payload());
      out.writeInt(e.priority());
      writeInstant(out, e.runAt());
      writeInstant(out, e.createdAt());
      out.writeBoolean(e.idempotencyKey() != null);
      if (e.idempotencyKey() != null) {
        writeString(out, e.idempotencyKey());
      }
      out.writeInt(e.resources().size());
      for (ResourceKey key : e.resources()) {
        writeString(out, key.kind());
        writeString(out, key.id());
      }
      out.writeInt(e.headers().size());
      for (Map.Entry<String, String> header : e.headers().entrySet()) {
        writeString(out, header.getKey());
        writeString(out, header.getValue());
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  static TaskEnvelope decodeEnvelope(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readUnsignedByte();
      if (version != ENVELOPE_VERSION) {
        throw new IllegalStateException("stored envelope has format version " + version + "; this driver reads " + ENVELOPE_VERSION);
      }
      TaskId id = TaskId.of(readString(in));
      String queue = readString(in);
      String type = readString(in);
      byte[] payload = in.readNBytes(in.readInt());
      int priority = in.readInt();
      Instant runAt = readInstant(in);
      Instant createdAt = readInstant(in);
      String key = in.readBoolean() ? readString(in) : null;
      int resourceCount = in.readInt();
      Set<ResourceKey> resources = new HashSet<>();
      for (int i = 0; i < resourceCount; i++) {
        resources.add(ResourceKey.of(readString(in), readString(in)));
      }
      int headerCount = in.readInt();
      Map<String, String> headers = new HashMap<>();
      for (int i = 0; i < headerCount; i++) {
        headers.put(readString(in), readString(in));
      }
      return new TaskEnvelope(id, queue, type, payload, priority, runAt, createdAt, key, resources, headers);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static byte[] encode(Progress progress) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(progress.done());
      out.writeLong(progress.total());
      out.writeBoolean(progress.message() != null);
      if (progress.message() != null) {
        writeString(out, progress.message());
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  static @Nullable Progress decodeProgress(byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      long done = in.readLong();
      long total = in.readLong();
      return new Progress(done, total, in.readBoolean() ? readString(in) : null);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}

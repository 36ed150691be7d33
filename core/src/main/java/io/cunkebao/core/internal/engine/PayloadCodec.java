package io.cunkebao.core.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;

/**
 * Encodes payloads and checkpoints as JSON and binds them back to the class a task type declares.
 *
 * <p>Never default typing: the data cannot name a class to instantiate (DESIGN rule 10). Reads are
 * bounded in nesting depth and string length. Unknown properties are ignored so that payloads
 * enqueued before a field was removed still bind; missing primitives fail.
 */
public final class PayloadCodec {
  private static final int MAX_NESTING_DEPTH = 64;
  private final ObjectMapper mapper;
  /** One reader per payload class: skips the per-call type resolution and deserializer lookup. */
  private final java.util.Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A codec whose reads accept strings up to {@code maxBytes}.
   *
   * @param maxBytes the payload size limit
   */
  public PayloadCodec(int maxBytes) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(Math.max(maxBytes, 1))
            .build())
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /**
   * Encodes a value.
   *
   * @param value the payload or checkpoint
   * @return its JSON bytes
   * @throws CodecException naming the property that could not be written
   */
  public byte[] encode(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new CodecException(pathOf(e), describe(e), e);
    }
  }

  /**
   * Binds JSON to a class.
   *
   * @param bytes the JSON
   * @param type the declared class
   * @param <T> the class's type
   * @return the value
   * @throws CodecException naming the property that did not bind
   */
  public <T> T decode(byte[] bytes, Class<T> type) {
    try {
      T value = readers.computeIfAbsent(type, mapper::readerFor).readValue(bytes);
      if (value == null) {
        throw new CodecException("", "the JSON is null", null);
      }
      return value;
    } catch (IOException e) {
      throw new CodecException(pathOf(e), describe(e), e);
    }
  }

  private static String pathOf(IOException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      return path.toString();
    }
    return "";
  }

  private static String describe(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }

  /** A value that could not be encoded or bound; {@link #path()} names the property, if known. */
  public static final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    CodecException(String path, String problem, Throwable cause) {
      super((path.isEmpty() ? "" : path + ": ") + problem, cause);
      this.path = path;
    }

    /** @return the property path such as {@code items[2].phone}, or empty when unknown */
    public String path() {
      return path;
    }
  }
}

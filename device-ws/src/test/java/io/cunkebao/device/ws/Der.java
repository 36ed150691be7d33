package io.cunkebao.device.ws;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Just enough DER to write an X.509 certificate (RFC 5280) for the TLS tests. The JDK can parse
 * and verify certificates but has no public API to make one, and spawning keytool costs about a
 * second per call (a CA plus signed server certificates take a dozen calls).
 */
final class Der {
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private Der() {}

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  static byte[] utf8(String text) {
    return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] utcTime(Instant time) {
    return tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
  }

  /** A BIT STRING with no unused bits (keys and signatures). */
  static byte[] bits(byte[] content) {
    byte[] withPad = new byte[content.length + 1];
    System.arraycopy(content, 0, withPad, 1, content.length);
    return tlv(0x03, withPad);
  }

  static byte[] octets(byte[] content) {
    return tlv(0x04, content);
  }

  /** {@code [n] EXPLICIT}: a constructed context tag around a complete element. */
  static byte[] explicit(int n, byte[] inner) {
    return tlv(0xA0 | n, inner);
  }

  /** {@code [n] IMPLICIT} on a primitive type: the content with the context tag. */
  static byte[] implicit(int n, byte[] content) {
    return tlv(0x80 | n, content);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(out, Long.parseLong(arcs[i]));
    }
    return tlv(0x06, out.toByteArray());
  }

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] digits = BigInteger.valueOf(length).toByteArray();
      int skip = digits[0] == 0 ? 1 : 0;
      out.write(0x80 | (digits.length - skip));
      out.write(digits, skip, digits.length - skip);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((value >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? b : b | 0x80);
    }
  }
}

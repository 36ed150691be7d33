package io.cunkebao.queue.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script from this module's resources, with its SHA-1 (the name Redis keeps it under).
 * Task scripts get {@code lib.lua} prepended, so each transition is a single EVALSHA.
 */
final class LuaScript {
  private static final String BASE = "/io/cunkebao/queue/redis/lua/";

  private final String name;
  private final byte[] source;
  private final String sha;

  private LuaScript(String name, String text) {
    this.name = name;
    this.source = text.getBytes(StandardCharsets.UTF_8);
    this.sha = sha1(source);
  }

  /** A task script: {@code lib.lua} followed by {@code name.lua}. */
  static LuaScript task(String name) {
    return new LuaScript(name, read("lib") + "\n" + read(name));
  }

  /** A script on its own (the state-store scripts, which use other keys). */
  static LuaScript plain(String name) {
    return new LuaScript(name, read(name));
  }

  String name() {
    return name;
  }

  byte[] source() {
    return source.clone();
  }

  String sha() {
    return sha;
  }

  private static String read(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(BASE + name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("Lua script " + name + ".lua is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read Lua script " + name, e);
    }
  }

  private static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return "LuaScript[" + name + " " + sha + "]";
  }
}

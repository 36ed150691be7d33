package io.cunkebao.queue.redis;

/** Every script the driver runs, read and hashed once per driver. */
final class Scripts {
  final LuaScript enqueue = LuaScript.task("enqueue");
  final LuaScript claim = LuaScript.task("claim");
  final LuaScript extend = LuaScript.task("extend");
  final LuaScript checkpoint = LuaScript.task("checkpoint");
  final LuaScript ack = LuaScript.task("ack");
  final LuaScript retry = LuaScript.task("retry");
  final LuaScript deadLetter = LuaScript.task("deadletter");
  final LuaScript release = LuaScript.task("release");
  final LuaScript control = LuaScript.task("control");
  final LuaScript queue = LuaScript.task("queue");
  final LuaScript find = LuaScript.task("find");
  final LuaScript deadLetters = LuaScript.task("deadletters");
  final LuaScript stats = LuaScript.task("stats");
  final LuaScript nextDue = LuaScript.task("nextdue");
  final LuaScript stateCas = LuaScript.plain("state_cas");
  final LuaScript stateDelete = LuaScript.plain("state_delete");
  final LuaScript stateList = LuaScript.plain("state_list");
}

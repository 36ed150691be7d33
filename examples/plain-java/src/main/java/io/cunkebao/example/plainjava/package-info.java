/**
 * The plain-Java launcher: {@link io.cunkebao.example.plainjava.DemoMain} runs a few hundred
 * simulated WeChat tasks on the in-memory queue, and {@link io.cunkebao.example.plainjava.QuickStart}
 * is the README's quick start as code that compiles.
 */
package io.cunkebao.example.plainjava;

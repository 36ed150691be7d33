/**
 * The Redis queue driver ({@link io.cunkebao.queue.redis.RedisQueueDriver}), its {@code
 * ServiceLoader} providers for {@code redis://}, {@code rediss://} and Sentinel URIs, and the
 * engine's state store on Redis. Built on Lettuce; no Lettuce type appears in a public signature.
 */
@NullMarked
package io.cunkebao.queue.redis;

import org.jspecify.annotations.NullMarked;

/**
 * The Redis (Lettuce) queue driver: filled by the Redis-queue issue. Depends on the api only; no
 * Lettuce type appears in a public signature outside this module.
 */
package io.cunkebao.queue.redis;

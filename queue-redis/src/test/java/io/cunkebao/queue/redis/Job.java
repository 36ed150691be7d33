package io.cunkebao.queue.redis;

/**
 * The payload of the multi-engine tests.
 *
 * @param n the job's number
 */
public record Job(int n) {}

package io.cunkebao.api;

/**
 * A handler that does all its work on the calling worker thread.
 *
 * @param <P> the payload type the task type declares
 * @see TaskHandler for the asynchronous form and the contract both share
 */
@FunctionalInterface
public interface BlockingTaskHandler<P> {

  /**
   * Runs one attempt to its end.
   *
   * @param payload the task's payload
   * @param context the attempt's view of the engine
   * @throws Exception to fail the attempt
   */
  void handle(P payload, TaskContext context) throws Exception;
}

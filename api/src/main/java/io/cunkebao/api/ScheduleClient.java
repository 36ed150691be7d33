package io.cunkebao.api;

import java.util.List;
import java.util.Optional;

/**
 * Manages cron schedules at run time. Schedules live in the engine's state store, so every engine
 * on a shared queue sees the same ones. Thread-safe.
 */
public interface ScheduleClient {

  /**
   * Adds a schedule, or replaces the one with the same name (keeping its last fire time).
   *
   * @param spec the schedule
   * @return the stored schedule with its next fire time
   * @throws IllegalArgumentException naming the cron field that is wrong
   * @throws InvalidTaskRequestException when the task template is invalid (unknown type ...)
   */
  ScheduleInfo add(ScheduleSpec spec);

  /** @return every schedule, by name */
  List<ScheduleInfo> list();

  /**
   * One schedule.
   *
   * @param name the schedule's name
   * @return it, or empty
   */
  Optional<ScheduleInfo> get(String name);

  /**
   * Stops a schedule's firings until resumed.
   *
   * @param name the schedule's name
   * @throws IllegalArgumentException when there is no such schedule
   */
  void pause(String name);

  /**
   * Resumes a paused schedule from now (missed firings are not made up).
   *
   * @param name the schedule's name
   * @throws IllegalArgumentException when there is no such schedule
   */
  void resume(String name);

  /**
   * Removes a schedule.
   *
   * @param name the schedule's name
   * @return true when it existed
   */
  boolean remove(String name);

  /**
   * Enqueues the schedule's task now, outside its cron times.
   *
   * @param name the schedule's name
   * @return the enqueued task's id, to follow it to completion
   * @throws IllegalArgumentException when there is no such schedule
   */
  TaskId runNow(String name);
}

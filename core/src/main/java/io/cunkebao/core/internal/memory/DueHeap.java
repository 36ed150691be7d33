package io.cunkebao.core.internal.memory;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A queue's delayed tasks in due order: a binary heap whose tasks remember their position, so the
 * earliest is found in O(1) and any task is added or removed (pause, cancel, promotion) in
 * O(log n).
 *
 * <p>Why not a {@code TreeSet}: a tree entry costs about 40 bytes per task, an array slot 4, and a
 * queue may hold millions of delayed tasks. Ties in due time are broken by enqueue order, so the
 * order is total and the same as {@link TaskRecord#DUE_ORDER}.
 */
final class DueHeap {
  private TaskRecord[] heap = new TaskRecord[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** @return the earliest task, or null when empty */
  @Nullable TaskRecord first() {
    return size == 0 ? null : heap[0];
  }

  void add(TaskRecord task) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = task;
    task.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  /** @return false when the task was not in this heap */
  boolean remove(TaskRecord task) {
    int at = task.heapIndex;
    if (at < 0 || at >= size || heap[at] != task) {
      return false;
    }
    size--;
    TaskRecord last = heap[size];
    heap[size] = null;
    task.heapIndex = -1;
    if (at < size) {
      heap[at] = last;
      last.heapIndex = at;
      siftDown(at);
      siftUp(last.heapIndex);
    }
    if (heap.length > 64 && size < heap.length / 4) {
      heap = Arrays.copyOf(heap, heap.length / 2); // give memory back after a burst
    }
    return true;
  }

  private void siftUp(int at) {
    int i = at;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (TaskRecord.DUE_ORDER.compare(heap[i], heap[parent]) >= 0) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int at) {
    int i = at;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int right = left + 1;
      int smaller = right < size && TaskRecord.DUE_ORDER.compare(heap[right], heap[left]) < 0 ? right : left;
      if (TaskRecord.DUE_ORDER.compare(heap[smaller], heap[i]) >= 0) {
        return;
      }
      swap(i, smaller);
      i = smaller;
    }
  }

  private void swap(int a, int b) {
    TaskRecord t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
    heap[a].heapIndex = a;
    heap[b].heapIndex = b;
  }
}

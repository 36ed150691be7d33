package io.cunkebao.device.ws;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwrapping of the wrappers that futures put around a failure, and only those. */
final class Futures {
  private Futures() {}

  /**
   * A dependent stage sees a failure wrapped in a {@link CompletionException}, a directly failed
   * future does not; peeling off one cause unconditionally would turn a typed error into its raw
   * transport cause.
   */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

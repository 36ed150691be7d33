package io.cunkebao.example.plainjava;

import java.io.PrintStream;

/**
 * The plain-Java launcher: runs the {@link Demo} and exits 0 when every task has ended, non-zero
 * when some had not ended within {@link Demo#DEADLINE} or the demo failed.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl examples/plain-java exec:java
 * </pre>
 */
public final class DemoMain {
  private DemoMain() {}

  /**
   * Runs the demo and exits with its code.
   *
   * @param args none
   */
  public static void main(String[] args) {
    int code = run(System.out);
    if (code != 0) {
      // Only on failure: returning normally lets "mvn exec:java" finish its own way.
      System.exit(code);
    }
  }

  /**
   * Runs the demo without exiting, for tests.
   *
   * @param out where to print
   * @return the exit code: 0 when every task ended in time
   */
  public static int run(PrintStream out) {
    try {
      return new Demo(out, Demo.SEED, Demo.DEADLINE).run().exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Demo interrupted");
      return 2;
    } catch (RuntimeException e) {
      out.println("Demo failed: " + e);
      e.printStackTrace(out);
      return 1;
    }
  }
}

/**
 * JMH benchmarks of the engine (never deployed). Build with
 * {@code mvn -B -pl benchmarks -am package -DskipTests}, list them with
 * {@code java -jar benchmarks/target/benchmarks.jar -l}; results and method are in
 * {@code docs/performance.md}.
 */
package io.cunkebao.benchmarks;

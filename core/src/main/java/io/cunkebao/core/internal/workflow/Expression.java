package io.cunkebao.core.internal.workflow;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;

/**
 * A boolean CEL expression: a workflow step's condition (variables {@code ctx}, {@code steps},
 * {@code workflow}) or an event trigger's filter (variable {@code event}).
 *
 * <p>Why CEL: it is not Turing-complete, has no way to reach Java classes, reflection, I/O or the
 * clock (only the standard functions are bound, no protobuf types are registered), and type-checks
 * at load time. On top of that every expression is bounded here: its length, its nesting depth
 * (parser recursion), the iterations of its comprehensions, and the number of nodes evaluated
 * (counted by a trace listener that aborts the evaluation), so a hostile expression fails cleanly
 * instead of burning a worker.
 */
final class Expression {
  /** Longest expression accepted, in code points. */
  static final int MAX_LENGTH = 1_000;
  /** Deepest nesting accepted. */
  static final int MAX_DEPTH = 32;
  /** Most comprehension iterations in one evaluation. */
  static final int MAX_ITERATIONS = 1_000;
  /** Most expression nodes evaluated in one evaluation. */
  static final int MAX_EVALUATION_STEPS = 10_000;

  private static final CelOptions OPTIONS = CelOptions.current()
      .maxExpressionCodePointSize(MAX_LENGTH)
      .maxParseRecursionDepth(MAX_DEPTH)
      .comprehensionMaxIterations(MAX_ITERATIONS)
      .build();
  private static final MapType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
  private static final CelCompiler CONDITIONS = compiler(Map.of("ctx", JSON_OBJECT, "steps", JSON_OBJECT, "workflow", SimpleType.STRING));
  private static final CelCompiler FILTERS = compiler(Map.of("event", JSON_OBJECT));
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  private final String text;
  private final CelRuntime.Program program;

  private Expression(String text, CelRuntime.Program program) {
    this.text = text;
    this.program = program;
  }

  /** Compiles a step condition over {@code ctx}, {@code steps} and {@code workflow}. */
  static Expression condition(String text) {
    return compile(CONDITIONS, text);
  }

  /** Compiles an event filter over {@code event} ({@code id}, {@code type}, {@code attributes}). */
  static Expression filter(String text) {
    return compile(FILTERS, text);
  }

  private static Expression compile(CelCompiler compiler, String text) {
    if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("expression is longer than " + MAX_LENGTH + " characters");
    }
    try {
      CelAbstractSyntaxTree ast = compiler.compile(text).getAst();
      return new Expression(text, RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("invalid expression '" + text + "': " + firstLine(e.getMessage()), e);
    } catch (CelEvaluationException | RuntimeException e) {
      throw new IllegalArgumentException("invalid expression '" + text + "': " + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * Evaluates the expression.
   *
   * @param variables JSON-like values: String, Long, Double, Boolean, List, Map
   * @throws IllegalArgumentException when evaluation fails or exceeds its budget
   */
  boolean test(Map<String, ?> variables) {
    int[] steps = {0};
    try {
      Object result = program.trace(variables, (node, value) -> {
        if (++steps[0] > MAX_EVALUATION_STEPS) {
          throw new IllegalStateException("evaluation exceeded " + MAX_EVALUATION_STEPS + " steps");
        }
      });
      return Boolean.TRUE.equals(result);
    } catch (CelEvaluationException | RuntimeException e) {
      throw new IllegalArgumentException("expression '" + text + "' failed: " + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** @return the expression's source */
  String text() {
    return text;
  }

  private static CelCompiler compiler(Map<String, dev.cel.common.types.CelType> variables) {
    var builder = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL);
    variables.forEach(builder::addVar);
    return builder.build();
  }

  private static String firstLine(String message) {
    List<String> lines = message.lines().toList();
    return lines.isEmpty() ? message : lines.get(0).replaceFirst("^ERROR: <input>:", "at ");
  }
}

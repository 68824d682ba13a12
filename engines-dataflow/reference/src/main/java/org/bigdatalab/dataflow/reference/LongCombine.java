package org.bigdatalab.dataflow.reference;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * The JDK's own merges of two longs, recognised when a reduceByKey names one by method reference
 * ({@code Long::sum}, {@code Long::min}, {@code Long::max}, {@code Math::min}, {@code Math::max}
 * over {@code Long} values): then {@link TableMerge} keeps each key's accumulator as a primitive
 * long instead of allocating a new Long per record. Recognition reads the function's serialized
 * form (every {@link org.bigdatalab.dataflow.Fn} is Serializable), as Spark's closure cleaner
 * does; anything else, a lambda such as {@code (a, b) -> a + b} included, is simply not
 * recognised and runs as written. The result is the same either way: these methods are exactly
 * two's-complement add (wrapping), min and max.
 */
enum LongCombine {
  SUM, MIN, MAX;

  private static final String LONGS = "(Ljava/lang/Long;Ljava/lang/Long;)Ljava/lang/Long;";

  long apply(long a, long b) {
    return switch (this) {
      case SUM -> a + b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
    };
  }

  /** The merge {@code f} is, or null when it is not one of them (or its form cannot be read). */
  static LongCombine of(Object f) {
    SerializedLambda lambda = serializedForm(f);
    if (lambda == null || lambda.getCapturedArgCount() != 0 || lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
        || !lambda.getImplMethodSignature().equals("(JJ)J") || !lambda.getInstantiatedMethodType().equals(LONGS)) {
      return null;
    }
    String owner = lambda.getImplClass();
    if (!owner.equals("java/lang/Long") && !owner.equals("java/lang/Math")) {
      return null;
    }
    return switch (lambda.getImplMethodName()) {
      case "sum" -> owner.equals("java/lang/Long") ? SUM : null;
      case "min" -> MIN;
      case "max" -> MAX;
      default -> null;
    };
  }

  private static SerializedLambda serializedForm(Object f) {
    try {
      Method writeReplace = f.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(f) instanceof SerializedLambda s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not a serializable lambda, or in a module that does not open it: the general path
    }
  }
}

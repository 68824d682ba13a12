package org.bigdatalab.property;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs a {@link Property} method as a JUnit 5 test: JUnit calls the method once, this extension
 * calls it once per generated case instead and reports the outcome. It publishes the number of
 * cases checked ({@value #CASES}) and the seed ({@value #SEED}) as report entries, so a listener (the
 * conformance matrix) can show how hard each clause was tested.
 *
 * <p>Configuration parameters (JUnit's, or system properties): {@value #TRIES} (default 60),
 * {@value #SEED} (random by default), {@value #SECONDS} (generation budget per property, default
 * 300), {@value #SHRINK} (true), {@value #SHRINK_SECONDS} (10) and {@value #MAX_TRIES} (none): a
 * ceiling over every other source of tries, class defaults and fixed tries included, which the
 * conformance matrix sets on real engines (a suite whose simulated engines check 1,000 schedules a
 * property must not start 1,000 real ZooKeeper ensembles).
 */
public final class PropertyExtension implements ParameterResolver, InvocationInterceptor {
  public static final String TRIES = "bigdatalab.tries";
  public static final String SEED = "bigdatalab.seed";
  public static final String SECONDS = "bigdatalab.seconds";
  public static final String SHRINK = "bigdatalab.shrink";
  public static final String SHRINK_SECONDS = "bigdatalab.shrink.seconds";
  public static final String MAX_TRIES = "bigdatalab.maxTries";
  /** Report entry keys. */
  public static final String CASES = "cases";
  public static final String BUDGET_SPENT = "budget-spent";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(ForAll.class);
  }

  /** A placeholder for JUnit's one call, which {@link #interceptTestMethod} skips. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    // A primitive's zero: an array of one holds it, boxed to the right wrapper.
    return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    invocation.skip();
    Method method = call.getExecutable();
    Object instance = call.getTarget().orElseThrow();
    method.setAccessible(true);
    PropertyRunner.Settings settings = settings(method, context);
    Parameter[] parameters = method.getParameters();
    List<Arbitrary<?>> generators = new ArrayList<>();
    for (Parameter p : parameters) {
      generators.add(p.isAnnotationPresent(ForAll.class) ? ParameterGenerators.of(p, instance) : null);
    }
    List<Object> resolved = call.getArguments();

    PropertyRunner.Result<Object[]> result = PropertyRunner.run(settings, new PropertyRunner.Body<>() {
      @Override
      public Object[] draw(Source source) {
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < args.length; i++) {
          args[i] = generators.get(i) == null ? resolved.get(i) : generators.get(i).generate(source);
        }
        return args;
      }

      @Override
      public void check(Object[] args) throws Throwable {
        try {
          method.invoke(instance, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    });
    context.publishReportEntry(Map.of(CASES, Integer.toString(result.cases()), SEED, Long.toString(result.seed()),
        BUDGET_SPENT, Boolean.toString(result.budgetSpent())));
    if (!result.passed()) {
      PropertyRunner.Failure<Object[]> f = result.failure();
      throw PropertyFailure.of(f.error(), result.seed(), result.cases(), show(parameters, generators, f.minimalInput()),
          f.shrinkSteps());
    }
  }

  private static String show(Parameter[] parameters, List<Arbitrary<?>> generators, Object[] args) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      if (generators.get(i) != null) {
        shown.add(parameters[i].getName() + " = " + Printer.show(args[i]));
      }
    }
    return String.join(", ", shown);
  }

  private static PropertyRunner.Settings settings(Method method, ExtensionContext context) {
    Property property = method.getAnnotation(Property.class);
    int tries = property.tries() > 0 ? property.tries() : classDefault(context)
        .orElseGet(() -> context.getConfigurationParameter(TRIES).map(Integer::parseInt).orElse(60));
    tries = Math.min(tries, context.getConfigurationParameter(MAX_TRIES).map(Integer::parseInt).orElse(Integer.MAX_VALUE));
    long seed = context.getConfigurationParameter(SEED).map(Long::parseLong)
        .orElseGet(() -> ThreadLocalRandom.current().nextLong());
    long seconds = property.seconds() > 0 ? property.seconds()
        : context.getConfigurationParameter(SECONDS).map(Long::parseLong).orElse(300L);
    boolean shrink = context.getConfigurationParameter(SHRINK).map(Boolean::parseBoolean).orElse(true);
    long shrinkSeconds = context.getConfigurationParameter(SHRINK_SECONDS).map(Long::parseLong).orElse(10L);
    return new PropertyRunner.Settings(tries, seed, seconds * 1000, shrink, shrinkSeconds * 1000);
  }

  private static Optional<Integer> classDefault(ExtensionContext context) {
    PropertyDefaults defaults = context.getRequiredTestClass().getAnnotation(PropertyDefaults.class);
    if (defaults == null) {
      return Optional.empty();
    }
    String configured = defaults.triesProperty().isEmpty() ? null : System.getProperty(defaults.triesProperty());
    return Optional.of(configured != null ? Integer.parseInt(configured) : defaults.tries());
  }
}

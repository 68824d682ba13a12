package org.bigdatalab.property;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/** Finds the generator of a {@code @ForAll} parameter: its named {@link Provide} method, or its type. */
final class ParameterGenerators {
  private ParameterGenerators() {}

  static Arbitrary<?> of(Parameter parameter, Object testInstance) {
    String provider = parameter.getAnnotation(ForAll.class).value();
    if (!provider.isEmpty()) {
      return provided(provider, testInstance);
    }
    return byType(parameter.getAnnotatedType(), parameter);
  }

  private static Arbitrary<?> provided(String name, Object instance) {
    for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0 && Arbitrary.class.isAssignableFrom(m.getReturnType())) {
          try {
            m.setAccessible(true);
            return (Arbitrary<?>) m.invoke(instance);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@Provide method " + name + " failed: " + e.getCause(), e);
          }
        }
      }
    }
    throw new IllegalStateException("no method " + name + "() returning an Arbitrary in " + instance.getClass().getName());
  }

  private static Arbitrary<?> byType(AnnotatedType type, AnnotatedElement declared) {
    Class<?> raw = raw(type.getType());
    if (raw == boolean.class || raw == Boolean.class) {
      return Arbitraries.booleans();
    }
    if (raw == int.class || raw == Integer.class) {
      IntRange r = annotation(type, declared, IntRange.class);
      return r == null ? Arbitraries.integers() : Arbitraries.integers().between(r.min(), r.max());
    }
    if (raw == long.class || raw == Long.class) {
      LongRange r = annotation(type, declared, LongRange.class);
      return r == null ? Arbitraries.longs() : Arbitraries.longs().between(r.min(), r.max());
    }
    if (raw == double.class || raw == Double.class) {
      DoubleRange r = annotation(type, declared, DoubleRange.class);
      return r == null ? Arbitraries.doubles() : Arbitraries.doubles().between(r.min(), r.max());
    }
    if (raw == String.class) {
      return Arbitraries.strings();
    }
    if (raw.isEnum()) {
      return Arbitraries.of(raw.getEnumConstants());
    }
    if (raw == byte[].class) {
      Size size = annotation(type, declared, Size.class);
      SizedArbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class);
      return size == null ? bytes : bytes.ofMinSize(size.min()).ofMaxSize(size.max());
    }
    if ((raw == List.class || raw == Set.class) && type instanceof AnnotatedParameterizedType p) {
      Arbitrary<?> element = byType(p.getAnnotatedActualTypeArguments()[0], p.getAnnotatedActualTypeArguments()[0]);
      SizedArbitrary<?> sized = raw == List.class ? element.list() : element.set();
      Size size = annotation(type, declared, Size.class);
      return size == null ? sized : sized.ofMinSize(size.min()).ofMaxSize(size.max());
    }
    throw new IllegalStateException("no generator for " + type.getType().getTypeName()
        + ": name a @Provide method with @ForAll(\"name\")");
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(AnnotatedType type, AnnotatedElement declared,
      Class<A> kind) {
    A a = type.getAnnotation(kind);
    return a != null ? a : declared.getAnnotation(kind);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("cannot generate " + type.getTypeName());
  }
}

package org.bigdatalab.cap.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.InputFormatException;

/**
 * Histories in Jepsen's and Knossos's EDN: one map per event, either one after another or inside
 * one vector, e.g.
 *
 * <pre>
 * {:process 0, :type :invoke, :f :cas, :value [1 2]}
 * {:process 0, :type :ok, :f :cas, :value [1 2]}
 * </pre>
 *
 * Types are invoke, ok, fail and info; functions read, write and cas. An event's place in the file
 * is its time (Knossos's rule: the file's order is real-time order), so {@code :time} is written
 * for people and not read back. Events of a process that is not an integer (Jepsen's
 * {@code :nemesis}) are skipped. Two fields of ours are optional: {@code :key} (keys are independent
 * registers; absent means one register) and {@code :node}. An invocation that never completes is
 * {@code INFO}. A problem is reported as {@code file:line: field: problem}.
 */
public final class EdnHistory {
  /** The register of a history that names no key. */
  public static final String DEFAULT_KEY = "register";

  private EdnHistory() {}

  public static History read(Path file) throws IOException {
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  private record Invoked(RegisterOp op, int node, long time, int line) {}

  public static History read(String file, String text) {
    List<Edn.Form> forms;
    try {
      forms = Edn.readAll(text);
    } catch (Edn.SyntaxError e) {
      throw new InputFormatException(file, e.line, "edn", e.getMessage());
    }
    List<Object> events = new ArrayList<>();
    if (forms.size() == 1 && forms.get(0).value() instanceof List<?> wrapped) {
      events.addAll(wrapped);
    } else {
      forms.forEach(f -> events.add(f.value()));
    }
    List<Operation> ops = new ArrayList<>();
    Map<Long, Invoked> open = new HashMap<>();
    long time = 0;
    for (Object event : events) {
      time++;
      if (!(event instanceof Edn.LineMap map)) {
        int line = forms.size() == 1 ? forms.get(0).line() : lineOf(forms, event);
        throw new InputFormatException(file, line, "event", "expected a map, got " + Edn.show(event));
      }
      try {
        readEvent(map, time, open, ops);
      } catch (BadRecordException e) {
        throw InputFormatException.at(file, map.line, e);
      }
    }
    open.forEach((process, inv) -> ops.add(new Operation(process.intValue(), inv.node(), inv.op(), Outcome.INFO, null,
        inv.time(), Long.MAX_VALUE)));
    return new History(ops);
  }

  private static int lineOf(List<Edn.Form> forms, Object event) {
    return forms.stream().filter(f -> f.value() == event).mapToInt(Edn.Form::line).findFirst().orElse(1);
  }

  private static void readEvent(Map<Object, Object> map, long time, Map<Long, Invoked> open, List<Operation> ops) {
    Object process = map.get(new Edn.Keyword("process"));
    if (!(process instanceof Long p)) {
      if (process == null) {
        throw new BadRecordException(":process", "missing");
      }
      return; // the nemesis, or another non-client process: not an operation on the registers
    }
    String type = Edn.keywordName(map.get(new Edn.Keyword("type")), ":type");
    String f = Edn.keywordName(map.get(new Edn.Keyword("f")), ":f");
    Object value = map.get(new Edn.Keyword("value"));
    switch (type) {
      case "invoke" -> {
        Invoked earlier = open.get(p);
        if (earlier != null) {
          throw new BadRecordException(":process", "process " + p + " invokes again before its operation of line "
              + earlier.line() + " completed");
        }
        open.put(p, new Invoked(op(f, key(map), value), node(map), time, ((Edn.LineMap) map).line));
      }
      case "ok", "fail", "info" -> {
        Invoked inv = open.remove(p);
        if (inv == null) {
          throw new BadRecordException(":type", ":" + type + " for process " + p + " without an invocation before it");
        }
        if (!inv.op().f().equals(f)) {
          throw new BadRecordException(":f", ":" + f + " completes an invocation of :" + inv.op().f() + " (line " + inv.line() + ")");
        }
        Outcome outcome = Outcome.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        Integer read = outcome == Outcome.OK && inv.op() instanceof RegisterOp.Read ? intOrNil(value, ":value") : null;
        ops.add(new Operation(p.intValue(), inv.node(), inv.op(), outcome, read, inv.time(), time));
      }
      default -> throw new BadRecordException(":type", "expected :invoke, :ok, :fail or :info, got :" + type);
    }
  }

  private static RegisterOp op(String f, String key, Object value) {
    return switch (f) {
      case "read" -> new RegisterOp.Read(key);
      case "write" -> new RegisterOp.Write(key, integer(value, ":value"));
      case "cas" -> {
        if (!(value instanceof List<?> pair) || pair.size() != 2) {
          throw new BadRecordException(":value", "a cas takes [expected new], got " + Edn.show(value));
        }
        yield new RegisterOp.Cas(key, integer(pair.get(0), ":value"), integer(pair.get(1), ":value"));
      }
      default -> throw new BadRecordException(":f", "expected :read, :write or :cas, got :" + f);
    };
  }

  private static String key(Map<Object, Object> map) {
    Object key = map.get(new Edn.Keyword("key"));
    if (key == null) {
      return DEFAULT_KEY;
    }
    return key instanceof Edn.Keyword k ? k.name() : key.toString();
  }

  private static int node(Map<Object, Object> map) {
    Object node = map.get(new Edn.Keyword("node"));
    return node instanceof Long n ? n.intValue() : -1;
  }

  private static Integer intOrNil(Object value, String field) {
    return value == null ? null : integer(value, field);
  }

  private static int integer(Object value, String field) {
    if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    throw new BadRecordException(field, "expected an integer, got " + Edn.show(value));
  }

  /** An event of a written history: group 0 completes an earlier invocation, 1 invokes, 2 completes at once. */
  private record Event(long time, int group, Operation op) {
    static Event completion(Operation o) {
      return new Event(o.completedAt(), o.completedAt() == o.invokedAt() ? 2 : 0, o);
    }

    boolean invoke() { return group == 1; }
  }

  /**
   * The history as EDN, one event per line. At one instant the file lists completions of earlier
   * operations first (they happened before anything invoked at that instant), then invocations, then
   * the completions of operations invoked at that instant; a process whose operation completed at
   * the instant it invokes again gets that completion written just before its new invocation.
   */
  public static String write(History history) {
    List<Event> events = new ArrayList<>();
    for (Operation o : history.operations()) {
      events.add(new Event(o.invokedAt(), 1, o));
      if (o.completedAt() != Long.MAX_VALUE) {
        events.add(Event.completion(o));
      }
    }
    events.sort(Comparator.comparingLong(Event::time).thenComparingInt(Event::group));
    Map<Integer, Operation> open = new HashMap<>();
    Set<Operation> completed = Collections.newSetFromMap(new IdentityHashMap<>());
    StringBuilder b = new StringBuilder();
    for (Event e : events) {
      Operation o = e.op();
      if (e.invoke()) {
        Operation earlier = open.put(o.process(), o);
        if (earlier != null && earlier.completedAt() == e.time() && completed.add(earlier)) {
          append(b, Event.completion(earlier));
        }
        append(b, e);
      } else if (completed.add(o)) {
        open.remove(o.process(), o);
        append(b, e);
      }
    }
    return b.toString();
  }

  private static void append(StringBuilder b, Event e) {
    Operation o = e.op();
    String type = e.invoke() ? "invoke" : o.outcome().name().toLowerCase(java.util.Locale.ROOT);
    b.append("{:process ").append(o.process()).append(", :type :").append(type).append(", :f :").append(o.op().f())
        .append(", :value ").append(value(o, e.invoke())).append(", :key \"").append(o.op().key()).append('"');
    if (o.node() >= 0) {
      b.append(", :node ").append(o.node());
    }
    b.append(", :time ").append(e.time()).append("}\n");
  }

  private static String value(Operation o, boolean invoke) {
    if (o.op() instanceof RegisterOp.Write w) {
      return Integer.toString(w.value());
    }
    if (o.op() instanceof RegisterOp.Cas c) {
      return "[" + c.expected() + " " + c.value() + "]";
    }
    return !invoke && o.ok() && o.value() != null ? o.value().toString() : "nil";
  }
}

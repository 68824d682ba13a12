package org.bigdatalab.table.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableSchema;

/**
 * table-log's file formats, both JSON: a commit file is one object (version, timestamp,
 * operation, readVersion, add, remove), a data file one JSON array per row in the schema's column
 * order. A line that does not read is reported as {@code file:line: field: problem}.
 */
final class JsonCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TableSchema schema;

  JsonCodec(TableSchema schema) {
    this.schema = schema;
  }

  byte[] commit(Commit c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", c.version()).put("timestamp", c.timestampMillis()).put("operation", c.operation())
        .put("readVersion", c.readVersion());
    files(o.putArray("add"), c.adds());
    files(o.putArray("remove"), c.removes());
    return bytes(o);
  }

  Commit commit(String file, byte[] bytes) {
    JsonNode o = parse(file, 1, new String(bytes, StandardCharsets.UTF_8));
    try {
      return new Commit(o.required("version").asLong(), o.required("timestamp").asLong(), o.required("operation").asText(),
          o.required("readVersion").asLong(), files(file, o.required("add")), files(file, o.required("remove")));
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(file, 1, "(commit)", e.getMessage());
    }
  }

  byte[] rows(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    for (Row row : rows) {
      ArrayNode a = JSON.createArrayNode();
      row.values().forEach(v -> a.add(JSON.valueToTree(v)));
      b.append(a).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  List<Row> rows(String file, byte[] bytes) {
    List<Row> rows = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      JsonNode a = parse(file, i + 1, lines[i]);
      try {
        if (!a.isArray() || a.size() != schema.columns().size()) {
          throw new BadRecordException("(row)", "expected an array of " + schema.columns().size() + " values");
        }
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < a.size(); c++) {
          values.add(value(schema.columns().get(c), a.get(c)));
        }
        Row row = new Row(values);
        schema.check(row);
        rows.add(row);
      } catch (BadRecordException e) {
        throw InputFormatException.at(file, i + 1, e);
      }
    }
    return rows;
  }

  private static Object value(Column column, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    return switch (column.type()) {
      case LONG -> {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
          throw new BadRecordException(column.name(), "expected a whole number, got " + v);
        }
        yield v.asLong();
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw new BadRecordException(column.name(), "expected a string, got " + v);
        }
        yield v.asText();
      }
    };
  }

  private void files(ArrayNode array, List<DataFile> files) {
    for (DataFile f : files) {
      ObjectNode o = array.addObject().put("path", f.path()).put("rows", f.rows());
      ObjectNode p = o.putObject("partition");
      f.partition().forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
    }
  }

  private List<DataFile> files(String file, JsonNode array) {
    List<DataFile> files = new ArrayList<>();
    for (JsonNode o : array) {
      Map<String, Object> partition = new LinkedHashMap<>();
      for (String column : schema.partitionColumns()) {
        try {
          partition.put(column, value(schema.columns().get(schema.indexOf(column)), o.required("partition").required(column)));
        } catch (BadRecordException e) {
          throw InputFormatException.at(file, 1, e);
        }
      }
      files.add(new DataFile(o.required("path").asText(), partition, o.required("rows").asLong()));
    }
    return files;
  }

  private static JsonNode parse(String file, long line, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputFormatException(file, line, "(json)", e.getOriginalMessage());
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }
}

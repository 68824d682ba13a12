package org.bigdatalab.table.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.parquet.ParquetValueReader;
import org.apache.iceberg.shaded.org.apache.parquet.schema.MessageType;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableSchema;

/**
 * Rows in and out of a table's Parquet data files through Iceberg's own generic records
 * ({@code iceberg-data}, bundled in the Spark runtime): files are written where the table's
 * location provider puts them, with Iceberg's column statistics (what scan planning prunes with),
 * one file per partition; a file is read whole, by the table's FileIO.
 */
final class IcebergFiles {
  private IcebergFiles() {}

  /** Writes the rows as new data files, one per partition they fall in; nothing is committed. */
  static List<DataFile> write(org.apache.iceberg.Table table, TableSchema schema, List<Row> rows) {
    Map<Map<String, Object>, List<Row>> byPartition = new LinkedHashMap<>();
    rows.forEach(r -> byPartition.computeIfAbsent(schema.partitionOf(r), p -> new ArrayList<>()).add(r));
    List<DataFile> files = new ArrayList<>();
    for (List<Row> part : byPartition.values()) {
      files.add(writeFile(table, part));
    }
    return files;
  }

  private static DataFile writeFile(org.apache.iceberg.Table table, List<Row> rows) {
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    GenericRecord template = GenericRecord.create(schema);
    List<Record> records = rows.stream().map(r -> (Record) template.copy(values(schema, r))).toList();
    PartitionKey key = new PartitionKey(spec, schema);
    key.partition(new InternalRecordWrapper(schema.asStruct()).wrap(records.get(0)));
    String file = FileFormat.PARQUET.addExtension("lab-" + UUID.randomUUID());
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(file)
        : table.locationProvider().newDataLocation(spec, key, file);
    try {
      DataWriter<Record> writer = Parquet.writeData(table.io().newOutputFile(location)).schema(schema)
          .createWriterFunc(GenericParquetWriter::create).withSpec(spec).withPartition(spec.isUnpartitioned() ? null : key)
          .overwrite().build();
      try (writer) {
        records.forEach(writer::write);
      }
      return writer.toDataFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> values(Schema schema, Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < schema.columns().size(); i++) {
      values.put(schema.columns().get(i).name(), row.get(i));
    }
    return values;
  }

  /** Every row of a data file, in the table's column order. */
  static List<Row> read(org.apache.iceberg.io.FileIO io, Schema schema, DataFile file) {
    BiFunction<Schema, MessageType, ParquetValueReader<?>> reader = GenericParquetReaders::buildReader;
    List<Row> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = Parquet.read(io.newInputFile(file.location())).project(schema)
        .createReaderFunc(reader).build()) {
      for (Record r : records) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = r.get(i);
        }
        rows.add(Row.of(values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The predicate as an Iceberg expression: what scan planning prunes partitions and files with. */
  static Expression filter(Predicate p) {
    if (p instanceof Predicate.All) {
      return Expressions.alwaysTrue();
    }
    if (p instanceof Predicate.Eq e) {
      return Expressions.equal(e.column(), e.value());
    }
    if (p instanceof Predicate.In in) {
      return Expressions.in(in.column(), in.values().toArray());
    }
    Predicate.And a = (Predicate.And) p;
    return Expressions.and(filter(a.left()), filter(a.right()));
  }
}

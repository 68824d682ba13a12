package org.bigdatalab.streaming.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Java serialization for accumulators: Kafka Streams keeps window state as bytes, and the SPI's
 * accumulators are plain Java values. Enough for the embedded driver; a production topology would
 * use a schema'd serde.
 */
final class JavaSerde {
  private JavaSerde() {}

  static <A> Serde<A> create() {
    return Serdes.serdeFrom((topic, value) -> {
      if (value == null) {
        return null;
      }
      try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
        out.flush();
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new SerializationException("accumulator " + value + " is not serializable: " + e, e);
      }
    }, (topic, data) -> {
      if (data == null) {
        return null;
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
        @SuppressWarnings("unchecked")
        A value = (A) in.readObject();
        return value;
      } catch (IOException | ClassNotFoundException e) {
        throw new SerializationException("cannot read an accumulator: " + e, e);
      }
    });
  }
}

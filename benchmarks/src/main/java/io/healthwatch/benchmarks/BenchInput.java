package io.healthwatch.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A benchmark's input written to the broker, every record confirmed before the clock starts. */
final class BenchInput {
  private BenchInput() {}

  /**
   * Sends all records and waits for each acknowledgement: a run must not wait for input that never
   * arrived (a send can fail after its retries).
   */
  static void sendAll(
      Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
      throws Exception {
    var sends = new ArrayList<Future<RecordMetadata>>(records.size());
    for (var record : records) {
      sends.add(producer.send(record));
    }
    producer.flush();
    for (var send : sends) {
      send.get(2, TimeUnit.MINUTES);
    }
  }
}

package io.healthwatch.contracts.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends a record and waits for the broker: the caller moves on only once it is durable. */
public final class AcknowledgedSend {
  private static final long TIMEOUT_SECONDS = 60;

  private AcknowledgedSend() {}

  /**
   * @param what what the record is, for the error message ("article", "dead letter")
   * @throws NotAcknowledgedException when the broker does not confirm in time
   */
  public static void send(
      Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record, String what) {
    try {
      producer.send(record).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new NotAcknowledgedException(what + " not acknowledged by the broker: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotAcknowledgedException("interrupted while writing " + what, e);
    }
  }
}

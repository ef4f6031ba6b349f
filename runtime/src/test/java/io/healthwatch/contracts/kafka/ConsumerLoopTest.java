package io.healthwatch.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

class ConsumerLoopTest {
  /** Refuses the first commits as a broker does while the group rebalances. */
  static final class RebalancingConsumer extends MockConsumer<String, byte[]> {
    private int refusals;

    RebalancingConsumer(int refusals) {
      super("earliest");
      this.refusals = refusals;
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      if (refusals-- > 0) {
        throw refusals % 2 == 0
            ? new RebalanceInProgressException("rebalancing")
            : new CommitFailedException();
      }
      super.commitSync(offsets);
    }
  }

  @Test
  void aCommitRefusedDuringARebalanceDoesNotStopTheLoopAndTheNextOneLands() {
    var consumer = new RebalancingConsumer(2);
    var partition = new TopicPartition("t", 0);
    consumer.assign(List.of(partition));
    consumer.updateBeginningOffsets(Map.of(partition, 0L));
    var results = new ArrayList<Boolean>();
    var loop =
        new ConsumerLoop(consumer) {
          @Override
          protected void step() {
            consumer.poll(Duration.ZERO);
            results.add(commit(Map.of(partition, new OffsetAndMetadata(results.size() + 1))));
            if (results.size() == 3) {
              end();
            }
          }
        };
    loop.run();
    assertEquals(List.of(false, false, true), results);
    assertEquals(3, consumer.committed(java.util.Set.of(partition)).get(partition).offset());
  }
}

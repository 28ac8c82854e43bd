package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionLedgerTest {
  private static final TopicPartition TP = new TopicPartition("t", 0);

  @Test
  void onlyTheSettledPrefixIsCommitted() {
    PartitionLedger ledger = new PartitionLedger(TP, 10, 10);
    PartitionLedger.Entry a = ledger.open(10, Map.of());
    PartitionLedger.Entry b = ledger.open(11, Map.of());
    PartitionLedger.Entry c = ledger.open(13, Map.of());
    assertThat(ledger.needsCommit(0)).isFalse();
    ledger.settle(b);
    ledger.settle(c);
    assertThat(ledger.needsCommit(0)).isFalse(); // 10 is still open
    assertThat(ledger.unsettled()).isEqualTo(1);
    ledger.settle(a);
    assertThat(ledger.needsCommit(0)).isTrue();
    OffsetAndMetadata commit = ledger.toCommit(0);
    assertThat(commit.offset()).isEqualTo(14);
    ledger.committed(commit);
    assertThat(ledger.needsCommit(0)).isFalse();
    assertThat(ledger.unsettled()).isZero();
  }

  @Test
  void theDeliveryMarkIsRecordedBeforeRecordsAreHandedOut() {
    PartitionLedger ledger = new PartitionLedger(TP, 5, 5);
    assertThat(ledger.needsCommit(8)).isTrue();
    OffsetAndMetadata commit = ledger.toCommit(8);
    assertThat(commit.offset()).isEqualTo(5);
    assertThat(DispatchMark.read(commit)).isEqualTo(8);
    ledger.committed(commit);
    assertThat(ledger.mark()).isEqualTo(8);
    assertThat(ledger.needsCommit(8)).isFalse();
  }

  @Test
  void recordsBelowTheMarkFoundAtAssignmentAreRedeliveries() {
    PartitionLedger ledger = new PartitionLedger(TP, 3, DispatchMark.read(new OffsetAndMetadata(3, DispatchMark.format(6))));
    assertThat(ledger.deliveredBefore(3)).isTrue();
    assertThat(ledger.deliveredBefore(5)).isTrue();
    assertThat(ledger.deliveredBefore(6)).isFalse();
    assertThat(DispatchMark.read(new OffsetAndMetadata(4, "written by a tool"))).isEqualTo(4);
    assertThat(DispatchMark.read(new OffsetAndMetadata(4, ""))).isEqualTo(4);
  }
}

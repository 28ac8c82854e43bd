package dev.xcomponent.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FinishedInstancesTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<String> evicted = new ArrayList<>();

  @Test
  void keepsAtMostItsCapacityAndDropsTheOldestFirst() {
    FinishedInstances f = new FinishedInstances(2, 60_000, now::get, e -> evicted.add(e.view().id()));
    f.add(view("a", 1), List::of);
    f.add(view("b", 2), List::of);
    f.add(view("c", 3), List::of);
    assertThat(evicted).containsExactly("a");
    assertThat(f.get("a")).isNull();
    assertThat(f.get("b")).isNotNull();
    assertThat(ids(f.after(null))).containsExactly("c", "b");
  }

  @Test
  void theListingOrderBuiltOnFirstUseIsKeptInStepAfterwards() {
    FinishedInstances f = new FinishedInstances(2, 60_000, now::get, e -> evicted.add(e.view().id()));
    f.add(view("a", 5), List::of);
    assertThat(ids(f.after(null))).containsExactly("a");
    f.add(view("b", 9), List::of);
    f.add(view("c", 7), List::of);
    assertThat(ids(f.after(null))).as("newest created first; a evicted").containsExactly("b", "c");
    assertThat(ids(f.after(new dev.xcomponent.port.InstanceCursor(9, "b")))).containsExactly("c");
  }

  @Test
  void dropsWhatIsOlderThanTheRetentionOnTheNextLook() {
    FinishedInstances f = new FinishedInstances(10, 500, now::get, e -> evicted.add(e.view().id()));
    f.add(view("a", 1), List::of);
    now.addAndGet(400);
    f.add(view("b", 2), List::of);
    now.addAndGet(200);
    assertThat(f.get("a")).isNull();
    assertThat(f.get("b")).isNotNull();
    assertThat(evicted).containsExactly("a");
  }

  @Test
  void threadsFinishingAtOnceEvictEachInstanceExactlyOnce() throws Exception {
    Set<String> gone = ConcurrentHashMap.newKeySet();
    AtomicLong evictions = new AtomicLong();
    FinishedInstances f = new FinishedInstances(100, 60_000, now::get, e -> {
      evictions.incrementAndGet();
      gone.add(e.view().id());
    });
    int threads = 4;
    int each = 5_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      Thread w = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          f.add(view("i-" + (base + i), base + i), List::of);
        }
      });
      w.start();
      workers.add(w);
    }
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(evictions.get()).isEqualTo(threads * each - 100L);
    assertThat(gone).hasSize(threads * each - 100);
    assertThat(ids(f.after(null))).hasSize(100).allSatisfy(id -> assertThat(gone).doesNotContain(id));
  }

  private static List<String> ids(Iterator<InstanceView> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(v -> out.add(v.id()));
    return out;
  }

  private static InstanceView view(String id, long createdAt) {
    return new InstanceView(id, "C", "M", "Done", "completed", Map.of(), null, Map.of(), List.of(), createdAt, createdAt,
        null, null, false, true);
  }
}

package dev.xcomponent.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Arrays;

/**
 * What a benchmark's figures depend on in the JVM itself: the heap settings it runs with, and the
 * bytes all threads allocated between two readings.
 *
 * <p>Rule: a latency figure is reported together with {@link #describe()}. A heap that grows into
 * memory never touched before pays a page fault per fresh 4 KiB page (about 8 µs on our virtual
 * machine); in the in-memory round trip that made whole phases of a run three times slower, until
 * the next collection moved allocation back into touched regions (benchmarks/README.md, "Heap
 * pre-touch").
 */
final class BenchJvm {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private BenchJvm() {}

  /**
   * Initial and maximum heap, whether the heap is pre-touched, and the collectors; followed by a
   * warning line when the heap can still grow into untouched memory.
   */
  static String describe() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean preTouched = Boolean.parseBoolean(hotspot.getVMOption("AlwaysPreTouch").getValue());
    boolean hugePages = Boolean.parseBoolean(hotspot.getVMOption("UseTransparentHugePages").getValue());
    String collectors = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    String line = String.format("JVM heap: initial %d MiB, max %d MiB, pre-touched %s, transparent huge pages %s,"
        + " collectors %s", heap.getInit() >> 20, heap.getMax() >> 20, preTouched, hugePages, collectors);
    if (!preTouched && !hugePages) {
      line += "\nWarning: the heap is neither pre-touched nor on huge pages. Until it stops growing, allocation"
          + " lands on pages never touched before and latency figures include their page faults. For steady-state"
          + " figures run with -Xms1g -Xmx1g -XX:+AlwaysPreTouch or -XX:+UseTransparentHugePages, or warm up for"
          + " longer (benchmarks/README.md, \"Heap pre-touch\").";
    }
    return line;
  }

  /** Bytes allocated so far by the threads alive now (a thread that ended takes its count with it). */
  static long allocatedBytes() {
    long[] ids = THREADS.getAllThreadIds();
    return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }
}

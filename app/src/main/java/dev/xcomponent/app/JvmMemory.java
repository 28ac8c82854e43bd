package dev.xcomponent.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The heap settings a process runs with, for its start-up log. Rule: when the heap is neither on
 * transparent huge pages nor pre-touched, the line says that latency is higher while the heap
 * grows, and where the operations guide explains what to set. A fresh JVM pays a page fault for
 * every page of heap it writes for the first time; on our test VM that made the in-memory
 * round trip three times slower for the first 30–40 seconds of load.
 */
record JvmMemory(long initialBytes, long maxBytes, boolean hugePages, boolean preTouched) {

  /** This JVM's settings. */
  static JvmMemory current() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    return new JvmMemory(heap.getInit(), heap.getMax(), flag(hotspot, "UseTransparentHugePages"),
        flag(hotspot, "AlwaysPreTouch"));
  }

  private static boolean flag(HotSpotDiagnosticMXBean hotspot, String name) {
    return Boolean.parseBoolean(hotspot.getVMOption(name).getValue());
  }

  /** One log line: sizes, the two settings, and the hint when neither is on. */
  String describe() {
    String line = String.format("JVM heap: %d MiB at start, at most %d MiB; transparent huge pages %s, pre-touch %s",
        initialBytes >> 20, maxBytes >> 20, hugePages ? "on" : "off", preTouched ? "on" : "off");
    if (!hugePages && !preTouched) {
      line += " (latency is higher while the heap grows during the first minute of load; see docs/operations.md,"
          + " \"Latency: huge pages or a pre-touched heap\")";
    }
    return line;
  }
}

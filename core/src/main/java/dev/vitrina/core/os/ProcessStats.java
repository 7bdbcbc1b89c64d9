package dev.vitrina.core.os;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resource figures of this process, for the time and memory columns of reports and benchmarks. */
public final class ProcessStats {

  private ProcessStats() {}

  /**
   * Peak resident memory in MB (Linux {@code VmHWM}: Java heap plus native memory such as
   * LightGBM's), or NaN where {@code /proc/self/status} is unavailable.
   */
  public static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Sum of the heap pools' peak usage in MB since start (or the last pool reset). */
  public static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }

  /** Resets the heap pools' peaks, so that {@link #peakHeapMb()} measures from now on. */
  public static void resetPeakHeap() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** CPU time of the whole process (all threads) in nanoseconds. */
  public static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

package io.whizbang.benchmarks.projections;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the JVM's threads used between two snapshots, grouped by thread name without its number, and the
 * time the garbage collectors report: what a run costs in CPU, which the wall time of a shared machine does not say
 * (another process's load stretches the wall time more than the CPU time).
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanosById;
    private final Map<Long, String> groupById;
    private final long gcMillis;
    private final long gcCount;

    private ThreadCpu(Map<Long, Long> nanosById, Map<Long, String> groupById, long gcMillis, long gcCount) {
        this.nanosById = nanosById;
        this.groupById = groupById;
        this.gcMillis = gcMillis;
        this.gcCount = gcCount;
    }

    /** The CPU time of every live thread now. */
    static ThreadCpu now() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), info.getThreadName().replaceAll("-?\\d+$", ""));
            }
        }
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, collector.getCollectionTime());
            gcCount += Math.max(0, collector.getCollectionCount());
        }
        return new ThreadCpu(nanos, groups, gcMillis, gcCount);
    }

    /**
     * The CPU time used since the earlier snapshot per event, by thread group, largest first, for groups that used
     * at least 1% of the total: e.g. {@code "4.1 µs/event: reader 2.0, vert.x-eventloop-thread 1.5, ..."}.
     */
    String perEventSince(ThreadCpu earlier, long events) {
        Map<String, Long> byGroup = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> entry : nanosById.entrySet()) {
            long used = entry.getValue() - earlier.nanosById.getOrDefault(entry.getKey(), 0L);
            byGroup.merge(groupById.get(entry.getKey()), used, Long::sum);
            total += used;
        }
        long sum = total;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.2f µs/event:", sum / 1e3 / events));
        byGroup.entrySet().stream().filter(group -> group.getValue() * 100 >= sum)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(group -> text.append(String.format(Locale.ROOT, " %s %.2f,", group.getKey(),
                        group.getValue() / 1e3 / events)));
        text.setLength(text.length() - 1);
        // the collectors' own threads are not Java threads: their time is told apart, as the JVM reports it
        text.append(String.format(Locale.ROOT, "; garbage collection %.2f s in %d collections", (gcMillis
                - earlier.gcMillis) / 1e3, gcCount - earlier.gcCount));
        return text.toString();
    }
}

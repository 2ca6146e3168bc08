package org.nianbao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time used by each part of the suite, from {@code /proc}: the named processes, and PostgreSQL's processes split by
 * the database their backend serves (its process title names it). Two snapshots around a load give each part's CPU
 * per unit of work, which says where a machine-bound rate goes. Linux counts in ticks of 10 ms (USER_HZ 100), so a
 * window of a few seconds or more is needed.
 */
final class CpuSplit {

    private static final double MS_PER_TICK = 10.0;

    private final Map<String, Long> pids;
    private final Map<String, String> databases;
    private final Map<String, ThreadSet> threadSets = new LinkedHashMap<>();

    /** Threads chosen by name in some processes. */
    private record ThreadSet(List<Long> pids, Predicate<String> threadName) {
        long ticks() {
            return pids.stream().mapToLong(pid -> threadTicks(pid, threadName)).sum();
        }
    }

    /** The JIT compilers' threads of a HotSpot JVM ("C1 CompilerThread0", "C2 CompilerThread1", …). */
    static final Predicate<String> JIT_COMPILER = t -> t.startsWith("C1 CompilerThre") || t.startsWith("C2 CompilerThre");
    static final String MACHINE_BUSY = "machine busy";
    /** The part {@link #serviceCompilers} adds. */
    static final String SERVICE_COMPILERS = "JIT compilers of the three services";
    /**
     * The services' compilers count as quiet, and a warm-up as done, in a window in which they used less than this share
     * of the machine's CPU: they take 17–18 % of it in a service's first minute under load (BENCHMARKS.md, section 1).
     */
    static final double COMPILERS_QUIET = 0.03;

    /**
     * @param pids      processes by the name to print
     * @param databases PostgreSQL database name → the name to print its backends under; PostgreSQL's other processes
     *                  (WAL writer, checkpointer, …) are printed as "PostgreSQL, other"
     */
    CpuSplit(Map<String, Long> pids, Map<String, String> databases) {
        this.pids = pids;
        this.databases = databases;
    }

    /**
     * Also counts, as a part of its own, the live threads of this process whose name matches (Linux keeps the first 15
     * characters of a thread's name). Threads that end between two snapshots take their ticks with them, so name only
     * threads that outlive the measured window.
     */
    CpuSplit threadsOfThisProcess(String name, Predicate<String> threadName) {
        return threadsOf(name, List.of(ProcessHandle.current().pid()), threadName);
    }

    /** As {@link #threadsOfThisProcess}, summed over the given processes. */
    CpuSplit threadsOf(String name, List<Long> processes, Predicate<String> threadName) {
        threadSets.put(name, new ThreadSet(processes, threadName));
        return this;
    }

    /** Counts the JIT compiler threads of the given service processes as the part {@link #SERVICE_COMPILERS}. */
    CpuSplit serviceCompilers(List<Long> services) {
        return threadsOf(SERVICE_COMPILERS, services, JIT_COMPILER);
    }

    /** The services' compilers' share of the machine's CPU between two snapshots of a split that counts them. */
    static double compilerShare(Map<String, Long> before, Map<String, Long> after) {
        long machine = after.get(MACHINE_BUSY) - before.get(MACHINE_BUSY);
        return (double) (after.get(SERVICE_COMPILERS) - before.get(SERVICE_COMPILERS)) / Math.max(1, machine);
    }

    /** Ticks used so far by the threads of one process whose name matches. */
    static long threadTicks(long pid, Predicate<String> threadName) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (threadName.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                        String[] f = fieldsAfterName(stat);
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // a thread's cutime and cstime are the whole process's
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return 0; // not Linux, or the process is gone
        }
        return sum;
    }

    /** Ticks used so far by each part, and "machine busy", by every process, from {@code /proc/stat}. */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(Path.of("/proc", Long.toString(pid)))));
        threadSets.forEach((name, threads) -> ticks.put(name, threads.ticks()));
        databases.values().forEach(name -> ticks.put(name, 0L));
        ticks.put("PostgreSQL, other", 0L);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                String title = cmdline(proc);
                if (!title.startsWith("postgres") && !title.split(" ", 2)[0].endsWith("/postgres")) {
                    continue; // backends retitle themselves "postgres: user database host state"; the postmaster keeps its path
                }
                String part = databases.entrySet().stream().filter(d -> title.contains(" " + d.getKey() + " "))
                        .map(Map.Entry::getValue).findFirst().orElse("PostgreSQL, other");
                ticks.merge(part, ticks(proc), Long::sum);
            }
        } catch (IOException e) {
            return ticks; // not Linux: no split
        }
        ticks.put(MACHINE_BUSY, machineBusy());
        return ticks;
    }

    /** Milliseconds of CPU per unit of work between two snapshots, by part. */
    static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        Map<String, Double> ms = new LinkedHashMap<>();
        after.forEach((part, ticks) -> ms.put(part, (ticks - before.getOrDefault(part, 0L)) * MS_PER_TICK / units));
        return ms;
    }

    /** utime + stime + the reaped children's (PostgreSQL's postmaster collects its exited backends there). */
    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = fieldsAfterName(stat);
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between the listing and the read
        }
    }

    /** A stat line's fields after "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14. */
    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Every CPU's non-idle ticks (user, nice, system, irq, softirq, steal), from the first line of /proc/stat. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

package org.nianbao.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.testsupport.ServiceProcess;

/**
 * Where a service's resident memory goes, by the JVM's own account: its Native Memory Tracking summary (heap,
 * metaspace, code cache, thread stacks, GC, malloc'd "Other" such as Netty's direct buffers). The services must run
 * with {@link #OPTIONS} in {@code -Dnianbao.service.java-opts}. The summary is the one the JVM prints as it exits:
 * {@code jcmd} cannot attach to a service here, since the test JVM and its children run in a user namespace
 * ({@code test-support/bin/java}), so this stops the service to read it.
 */
final class NativeMemory {

    static final String OPTIONS = "-XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics";

    /** "-  Java Heap (reserved=268435456, committed=268435456)": the summary printed on exit counts bytes. */
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+, committed=(\\d+)\\)");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+, committed=(\\d+)");

    private static final Pattern MALLOC_PEAK = Pattern.compile("\\(malloc=\\d+ #\\d+\\) \\(peak=(\\d+) #");

    /** {@code mallocPeakBytes}: the most the category's malloc'd memory ever was, or -1 when NMT gives none. */
    private record Category(String name, long committedBytes, long mallocPeakBytes) {
    }

    private NativeMemory() {
    }

    static boolean tracked() {
        List<String> opts = ServiceProcess.javaOpts();
        return opts.contains("-XX:NativeMemoryTracking=summary") && opts.contains("-XX:+PrintNMTStatistics");
    }

    /**
     * Stops {@code service} and returns the summary it printed on exit as markdown rows (service, category, committed
     * MB, the peak of its malloc'd part; the total first, then the categories of 1 MB or more, largest first); the
     * whole summary stays in its log. Thread stacks are counted as the threads end, so few are left by then.
     */
    static List<String> stopAndSummarize(String name, ServiceProcess service) throws IOException {
        long from = Files.exists(service.log()) ? Files.size(service.log()) : 0;
        service.stop();
        String printed;
        try (RandomAccessFile file = new RandomAccessFile(service.log().toFile(), "r")) {
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            printed = new String(tail, StandardCharsets.UTF_8);
        }
        List<Category> categories = new ArrayList<>();
        String[] lines = printed.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher total = TOTAL.matcher(lines[i].strip());
            Matcher category = CATEGORY.matcher(lines[i].strip());
            if (total.find()) {
                categories.add(new Category("**total (as NMT counts it)**", Long.parseLong(total.group(1)), -1));
            } else if (category.find()) {
                // its malloc line, next, says "(peak=N #k)" when the category once held more than it does now
                Matcher peak = i + 1 < lines.length ? MALLOC_PEAK.matcher(lines[i + 1]) : null;
                categories.add(new Category(category.group(1), Long.parseLong(category.group(2)),
                        peak != null && peak.find() ? Long.parseLong(peak.group(1)) : -1));
            }
        }
        if (categories.isEmpty()) {
            return List.of("| " + name + " | no summary in " + service.log() + " | – | |");
        }
        categories.sort(Comparator.comparingLong(Category::committedBytes).reversed());
        return categories.stream().filter(c -> c.committedBytes() >= 1 << 20)
                .map(c -> String.format("| %s | %s | %.1f | %s |", name, c.name(), c.committedBytes() / 1048576.0,
                        c.mallocPeakBytes() < 0 ? "" : String.format("%.1f", c.mallocPeakBytes() / 1048576.0))).toList();
    }
}

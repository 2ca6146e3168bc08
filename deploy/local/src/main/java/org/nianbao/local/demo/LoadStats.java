package org.nianbao.local.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What a load did, counted from the loader's threads. */
public final class LoadStats {

    private static final int MAX_EXAMPLES = 10;

    final AtomicInteger agenciesCreated = new AtomicInteger();
    final AtomicInteger agenciesExisting = new AtomicInteger();
    final AtomicInteger agenciesDone = new AtomicInteger();
    final AtomicInteger reportsCreated = new AtomicInteger();
    final AtomicInteger reportsPresent = new AtomicInteger();
    final AtomicInteger reportsFailed = new AtomicInteger();
    final AtomicInteger reportsNotTried = new AtomicInteger();
    final AtomicInteger revisionsStored = new AtomicInteger();
    final AtomicInteger revisionsSkipped = new AtomicInteger();
    final AtomicInteger withWarnings = new AtomicInteger();
    final AtomicInteger warningsAsExpected = new AtomicInteger();
    final AtomicInteger warningsChecked = new AtomicInteger();
    final LongAdder requests = new LongAdder();
    final Map<String, LongAdder> warningsByRule = new ConcurrentHashMap<>();
    final Map<String, LongAdder> retriesByCause = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failuresByReason = new ConcurrentHashMap<>();
    private final List<String> failureExamples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private volatile String fatal;

    /** Reports dealt with, whatever the outcome: what the progress bar counts. */
    public int reportsDone() {
        return reportsCreated.get() + reportsPresent.get() + reportsFailed.get() + reportsNotTried.get();
    }

    public int reportsCreated() {
        return reportsCreated.get();
    }

    public int reportsPresent() {
        return reportsPresent.get();
    }

    public int reportsFailed() {
        return reportsFailed.get() + reportsNotTried.get();
    }

    public int agenciesCreated() {
        return agenciesCreated.get();
    }

    public int agenciesExisting() {
        return agenciesExisting.get();
    }

    public int revisionsStored() {
        return revisionsStored.get();
    }

    public int withWarnings() {
        return withWarnings.get();
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retriesByCause.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> retriesByCause() {
        return sorted(retriesByCause);
    }

    public Map<String, Long> warningsByRule() {
        return sorted(warningsByRule);
    }

    public Map<String, Long> failuresByReason() {
        return sorted(failuresByReason);
    }

    public long failures() {
        return failuresByReason.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public String fatal() {
        return fatal;
    }

    public boolean ok() {
        return fatal == null && failures() == 0;
    }

    void retry(String cause) {
        retriesByCause.computeIfAbsent(cause, k -> new LongAdder()).increment();
    }

    void warning(String rule) {
        warningsByRule.computeIfAbsent(rule, k -> new LongAdder()).increment();
    }

    void failure(String reason, String example) {
        failuresByReason.computeIfAbsent(reason, k -> new LongAdder()).increment();
        synchronized (failureExamples) {
            if (failureExamples.size() < MAX_EXAMPLES) failureExamples.add(example);
        }
    }

    void note(String note) {
        synchronized (notes) {
            if (notes.size() < MAX_EXAMPLES) notes.add(note);
        }
    }

    /** A report stored with other warnings than the generator expected (e.g. X1 after a report of an earlier run). */
    void unexpected(String example) {
        synchronized (unexpected) {
            if (unexpected.size() < MAX_EXAMPLES) unexpected.add(example);
        }
    }

    public List<String> unexpectedWarnings() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** Stops the whole load: the token is refused, the gateway cannot be reached. */
    void fatal(String why) {
        if (fatal == null) fatal = why;
    }

    public List<String> failureExamples() {
        synchronized (failureExamples) {
            return List.copyOf(failureExamples);
        }
    }

    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}

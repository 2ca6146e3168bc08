package org.nianbao.importer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The end of a run on stdout: the counts, then every file or address with what happened to it (what was stored and
 * where its agency and year came from, or why it was skipped, refused or failed), then the time taken.
 */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, List<FileOutcome> outcomes, boolean dryRun, Duration took, Path state) {
        long ok = count(outcomes, FileOutcome.Status.IMPORTED);
        long warnings = count(outcomes, FileOutcome.Status.IMPORTED_WITH_WARNINGS);
        long skipped = count(outcomes, FileOutcome.Status.SKIPPED);
        long refused = count(outcomes, FileOutcome.Status.REFUSED);
        long failed = count(outcomes, FileOutcome.Status.FAILED);
        String verb = dryRun ? "parsed" : "imported";
        out.printf("%s %d of %d file(s)%s: %d %s, %d %s with warnings, %d skipped (imported before), %d refused, %d failed%n",
                dryRun ? "Parsed" : "Imported", ok + warnings, outcomes.size(),
                dryRun ? " (dry run: nothing was submitted)" : "", ok, verb, warnings, verb, skipped, refused, failed);
        int nameWidth = outcomes.stream().mapToInt(o -> o.source().length()).max().orElse(0);
        int statusWidth = outcomes.stream().mapToInt(o -> label(o.status(), dryRun).length()).max().orElse(0);
        for (FileOutcome outcome : outcomes) {
            out.printf("  %-" + statusWidth + "s  %-" + nameWidth + "s  %s%n", label(outcome.status(), dryRun),
                    outcome.source(), outcome.detail());
        }
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        out.printf(Locale.ROOT, "%d file(s) in %.1f s (%.1f files/s); state file %s%n", outcomes.size(), seconds,
                outcomes.size() / seconds, state);
        out.flush();
    }

    private static String label(FileOutcome.Status status, boolean dryRun) {
        return dryRun ? status.text.replace("imported", "parsed") : status.text;
    }

    private static long count(List<FileOutcome> outcomes, FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}

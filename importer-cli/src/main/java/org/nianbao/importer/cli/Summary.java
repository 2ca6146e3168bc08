package org.nianbao.importer.cli;

import java.io.PrintWriter;
import java.util.List;

/** The end of a run on stdout: the counts, then every file with what happened to it (and why, if it failed). */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, List<FileOutcome> outcomes, boolean dryRun) {
        long ok = count(outcomes, FileOutcome.Status.IMPORTED);
        long warnings = count(outcomes, FileOutcome.Status.IMPORTED_WITH_WARNINGS);
        long failed = count(outcomes, FileOutcome.Status.FAILED);
        String verb = dryRun ? "parsed" : "imported";
        out.printf("%s %d of %d file(s)%s: %d %s, %d %s with warnings, %d failed%n",
                dryRun ? "Parsed" : "Imported", ok + warnings, outcomes.size(),
                dryRun ? " (dry run: nothing was submitted)" : "", ok, verb, warnings, verb, failed);
        int nameWidth = outcomes.stream().mapToInt(o -> o.file().getFileName().toString().length()).max().orElse(0);
        int statusWidth = outcomes.stream().mapToInt(o -> label(o.status(), dryRun).length()).max().orElse(0);
        for (FileOutcome outcome : outcomes) {
            out.printf("  %-" + statusWidth + "s  %-" + nameWidth + "s  %s%n", label(outcome.status(), dryRun),
                    outcome.file().getFileName(), outcome.detail());
        }
        out.flush();
    }

    private static String label(FileOutcome.Status status, boolean dryRun) {
        return dryRun ? status.text.replace("imported", "parsed") : status.text;
    }

    private static long count(List<FileOutcome> outcomes, FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}

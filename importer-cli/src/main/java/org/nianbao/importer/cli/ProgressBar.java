package org.nianbao.importer.cli;

import java.io.PrintWriter;

/**
 * {@code [#####     ] 12/40 file.txt} on stderr. On a terminal the bar redraws in place; in a log (no terminal)
 * each step is a line of its own, so the log stays readable.
 */
final class ProgressBar {

    private static final int WIDTH = 20;

    private final PrintWriter err;
    private final boolean inPlace;
    private final int total;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean inPlace, int total) {
        this.err = err;
        this.inPlace = inPlace;
        this.total = total;
    }

    /** Shows that {@code done} of the files are finished and which one is next (or null at the end). */
    void show(int done, String file) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + (file == null ? "" : " " + file);
        if (inPlace) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    void finish() {
        show(total, null);
        if (inPlace) {
            err.println();
        }
        err.flush();
    }
}

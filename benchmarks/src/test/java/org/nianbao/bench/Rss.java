package org.nianbao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process as Linux reports it: now (VmRSS) and the peak since it started (VmHWM). */
record Rss(long currentKb, long peakKb) {

    static Rss of(long pid) {
        try {
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return new Rss(rss, hwm);
        } catch (IOException e) {
            return new Rss(-1, -1);
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    String currentMb() {
        return currentKb < 0 ? "–" : Long.toString(currentKb / 1024);
    }

    String peakMb() {
        return peakKb < 0 ? "–" : Long.toString(peakKb / 1024);
    }
}

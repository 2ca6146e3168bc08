package org.nianbao.local.demo;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The progress on stderr: on a terminal a bar redrawn in place, {@code [#####.....] 10432/20000 reports  820/s};
 * in a log (CI) the same as a line every ten seconds; or nothing.
 */
final class Progress implements AutoCloseable {

    enum Mode { BAR, LINES, NONE }

    private static final int WIDTH = 30;
    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final Mode mode;
    private final int total;
    private final IntSupplier done;
    private final IntSupplier agenciesDone;
    private final int agencies;
    private final long started = System.nanoTime();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanos, done}
    private Thread thread;
    private volatile boolean running;

    Progress(PrintStream out, Mode mode, int total, IntSupplier done, int agencies, IntSupplier agenciesDone) {
        this.out = out;
        this.mode = mode;
        this.total = total;
        this.done = done;
        this.agencies = agencies;
        this.agenciesDone = agenciesDone;
    }

    static Mode auto() {
        return System.console() != null ? Mode.BAR : Mode.LINES;
    }

    void start() {
        if (mode == Mode.NONE) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "demo-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long interval = mode == Mode.BAR ? 250 : 10_000;
        try {
            while (running) {
                Thread.sleep(interval);
                if (running) draw(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw(boolean last) {
        long now = System.nanoTime();
        int n = done.getAsInt();
        samples.addLast(new long[]{now, n});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        double rate = last || seconds < 0.5 ? n / Math.max(1e-9, (now - started) / 1e9) : (n - first[1]) / seconds;
        String line = line(n, rate);
        if (mode == Mode.BAR) {
            out.print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(int n, double rate) {
        int filled = total == 0 ? WIDTH : (int) ((long) n * WIDTH / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String eta = "";
        if (rate > 0 && n < total) {
            long s = Math.round((total - n) / rate);
            eta = s >= 60 ? "  eta %dm%02ds".formatted(s / 60, s % 60) : "  eta %ds".formatted(s);
        }
        return String.format(Locale.ROOT, "  [%s] %d/%d reports  %.0f/s  %d/%d agencies%s", bar, n, total, rate,
                agenciesDone.getAsInt(), agencies, eta);
    }

    @Override
    public void close() {
        if (mode == Mode.NONE || thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw(true);
    }
}

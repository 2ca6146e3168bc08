package org.nianbao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines a benchmark prints; also written to {@code target/<name>-results.md} for BENCHMARKS.md. */
final class Results {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    Results(String name) {
        this.name = name;
    }

    void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        lines.add(text);
        System.out.println(text);
        save();
    }

    /** Progress that is printed but not kept in the results file. */
    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "  … " + format + "%n", args);
    }

    private void save() {
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", name + "-results.md"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.nianbao.importer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The documents already imported, by the SHA-256 of their bytes, in a small text file: one line per import,
 * {@code <sha256>\t<when>\t<what was stored>\t<source>}. A line is appended as soon as a document is stored, so a run
 * that stops half-way keeps what it did; a changed file has another hash and is imported again.
 */
final class ImportState {

    static final String DEFAULT_NAME = ".nianbao-import-state";

    /** What an earlier run stored for these bytes. */
    record Entry(String when, String stored, String source) {
    }

    private final Path file;
    private final Map<String, Entry> imported = new HashMap<>();

    private ImportState(Path file) {
        this.file = file;
    }

    static ImportState load(Path file) throws IOException {
        ImportState state = new ImportState(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] parts = line.split("\t", 4);
                if (parts.length == 4 && parts[0].length() == 64) {
                    state.imported.put(parts[0], new Entry(parts[1], parts[2], parts[3]));
                }
            }
        }
        return state;
    }

    Path file() {
        return file;
    }

    Entry find(String sha256) {
        return imported.get(sha256);
    }

    void remember(String sha256, String stored, String source) {
        Entry entry = new Entry(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), stored, source);
        String line = sha256 + "\t" + entry.when() + "\t" + oneLine(stored) + "\t" + oneLine(source) + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
        imported.put(sha256, entry);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }
}

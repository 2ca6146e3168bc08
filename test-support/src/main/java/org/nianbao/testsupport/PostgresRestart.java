package org.nianbao.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the embedded PostgreSQL of {@link PostgresResource} in place (same data directory, port and
 * settings), as an outage of the database server would, for fault tests. zonky has no public API for this, so
 * its data directory, binaries and start options are read reflectively and {@code pg_ctl} is run as zonky runs it.
 */
public final class PostgresRestart {

    private PostgresRestart() {
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: open connections are terminated, as a server restart does). */
    public static void stop() {
        EmbeddedPostgres pg = requireEmbedded();
        File data = field(pg, "dataDirectory");
        pgCtl(pg, List.of("-D", data.getPath(), "-m", "fast", "-t", "30", "-w", "stop"));
    }

    /** Starts it again on the same port with the same settings and waits until it accepts connections. */
    public static void start() {
        EmbeddedPostgres pg = requireEmbedded();
        File data = field(pg, "dataDirectory");
        try {
            Method options = EmbeddedPostgres.class.getDeclaredMethod("createInitOptions");
            options.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<String> init = (List<String>) options.invoke(pg);
            Path log = Files.createDirectories(Path.of("target", "epg-restarts")).resolve("postgres.log").toAbsolutePath();
            pgCtl(pg, List.of("-D", data.getPath(), "-o", String.join(" ", init), "-l", log.toString(), "-w", "-t", "60", "start"));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL again: " + e, e);
        }
    }

    private static void pgCtl(EmbeddedPostgres pg, List<String> args) {
        File pgDir = field(pg, "pgDir");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(new File(pgDir, "bin/pg_ctl").getPath());
        command.addAll(args);
        try {
            Path out = Files.createDirectories(Path.of("target", "epg-restarts")).resolve("pg_ctl.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + args.get(args.size() - 1) + " failed; see " + out.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run pg_ctl: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedPostgres requireEmbedded() {
        EmbeddedPostgres pg = PostgresResource.embedded();
        if (pg == null) {
            throw new IllegalStateException("this test stops and starts the embedded PostgreSQL; unset DB_URL to run it");
        }
        return pg;
    }

    private static File field(EmbeddedPostgres pg, String name) {
        try {
            Field f = EmbeddedPostgres.class.getDeclaredField(name);
            f.setAccessible(true);
            return (File) f.get(pg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("zonky's EmbeddedPostgres has no field " + name + ": " + e, e);
        }
    }
}

package org.nianbao.testsupport;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own process, as in
 * production, for tests that need the real services behind the gateway.
 */
public final class ServiceProcess {

    /**
     * Every 2 s the JVM hands freed malloc memory back to the system (JDK 17.0.9 and later). Without it, the C2
     * compiler's arenas (up to 62 MB while it compiles one large method) stayed resident once freed.
     */
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=2000";
    private static final boolean TRIMS_NATIVE_HEAP = hasVmOption("TrimNativeHeapInterval");

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private Process process;

    public ServiceProcess(String module, Map<String, String> env) {
        this.name = module;
        this.jar = locate(module);
        this.port = freePort();
        this.env = env;
        this.log = Path.of("target", "services", module + ".log").toAbsolutePath();
    }

    /** The operating-system process id, or -1 when not running (to read its memory from /proc). */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Where the process's output goes (target/services/&lt;module&gt;.log), appended to across restarts. */
    public Path log() {
        return log;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            // the JVM options ./run uses: a small heap with the serial collector (two cores, no pause-time goal
            // worth G1's native memory), fewer malloc arenas, the native heap trimmed; each service then stays
            // under 512 MB resident (BENCHMARKS.md, Memory); an OutOfMemoryError ends the process, as in production;
            // a URI with broken percent-encoding reaches the routes, which answer it with Problem Details
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap(name), "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                    "-XX:+ExitOnOutOfMemoryError", "-Dvertx.disableURIValidation=true"));
            if (TRIMS_NATIVE_HEAP) {
                command.add(TRIM_NATIVE_HEAP);
            }
            // -Dnianbao.service.java-opts="..." adds options after these, as JAVA_OPTS does for ./run: a benchmark run
            // with -XX:NativeMemoryTracking=summary, or a smaller heap to measure against
            command.addAll(javaOpts());
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("MALLOC_ARENA_MAX", "2");
            pb.environment().putAll(env);
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            process = pb.start();
            awaitReady(Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The report service's classes (Hibernate ORM, Flyway) take 85 MB of metaspace, the others' 33–49 MB, while its
     * live heap is 40–50 MB after a full collection under load: it gets the smaller heap that keeps it under 512 MB.
     */
    static String heap(String module) {
        return module.equals("report-service") ? "224m" : "256m";
    }

    private static boolean hasVmOption(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException e) {
            return false; // an older JVM: the children run the same java, which would refuse the option
        }
    }

    /** The options of {@code -Dnianbao.service.java-opts}, split at whitespace; none when it is not set. */
    public static List<String> javaOpts() {
        String opts = System.getProperty("nianbao.service.java-opts", "").strip();
        return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    /** Kills the process at once (kill -9), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    private static Path locate(String module) {
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path jar = base.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.exists(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("no " + module + "/target/quarkus-app/quarkus-run.jar: build it first, e.g. "
                + "./mvnw package -DskipTests -pl " + module + " (./mvnw verify builds it before the gateway)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " at " + url() + " (log " + log + ", jar " + jar + ")";
    }
}

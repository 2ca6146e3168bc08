package org.nianbao.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script with the machine's Node.js (the stock-client checks: kafkajs, the CloudEvents SDK, a generated
 * TypeScript client) and collects what it prints. The output is read beside the process, so a script that hangs is
 * stopped at the timeout instead of holding the test forever.
 */
public final class NodeScript {

    /** How the script ended: its exit code (-1 if it was stopped at the timeout) and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private NodeScript() {
    }

    /**
     * @param directory where the script runs (its node_modules are there)
     * @param env       variables added to the environment
     * @param command   {@code node} and its arguments
     */
    public static Result run(Path directory, Map<String, String> env, Duration timeout, List<String> command)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run node: install Node.js 20 or later (Debian: apt-get install"
                    + " nodejs npm)", e);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(node.getInputStream(), printed), "node-output");
        reader.setDaemon(true);
        reader.start();
        boolean exited = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        String output;
        synchronized (printed) {
            output = printed.toString(StandardCharsets.UTF_8);
        }
        return exited ? new Result(node.exitValue(), output)
                : new Result(-1, output + "\n(stopped: still running after " + timeout.toSeconds() + " s)");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

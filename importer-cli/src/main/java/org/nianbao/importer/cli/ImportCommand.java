package org.nianbao.importer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Bulk import: every .txt/.html/.pdf/.docx/.doc/.xlsx/.xls report in a folder goes to the report service's import endpoint, one by one, with a
 * progress bar on stderr and a summary on stdout. Exit code 0 when every file was imported, 1 when any failed,
 * 2 on a usage error.
 */
@Command(name = "nianbao-import", mixinStandardHelpOptions = true, version = "nianbao-import 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Imports every .txt, .html, .pdf, .docx, .doc, .xlsx and .xls annual report (政府信息公开工作年度报告) in "
                + "FOLDER through the report service: POST <url>/api/v1/reports:import?submit=true with the file as the "
                + "body and its media type. Through the gateway a file may have at most 2 MB; larger documents go "
                + "straight to the report service (--url of the report service).",
                "Exit status: 0 all imported, 1 some failed, 2 usage error."})
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "Base URL of the API (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token, sent as the Authorization header.")
    String token;

    @Option(names = "--agency", paramLabel = "ID",
            description = "Agency id for every file (e.g. edu-640323), instead of the one recognised from each report.")
    String agency;

    @Option(names = "--dry-run", description = "Only parse: call the import endpoint without submit=true.")
    boolean dryRun;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait for the answer to one file (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder with the report files (.txt, .html, .pdf, .docx, .doc, .xlsx, .xls).")
    Path folder;

    @Spec
    CommandSpec spec;

    private final HttpClient http;
    private final boolean terminal;

    /** As run from the command line. */
    public ImportCommand() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), System.console() != null);
    }

    /** With an HTTP client and whether stderr is a terminal (the progress bar redraws in place there). */
    ImportCommand(HttpClient http, boolean terminal) {
        this.http = http;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ImportCommand(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)).execute(args));
    }

    static CommandLine commandLine(ImportCommand command, PrintWriter out, PrintWriter err) {
        return new CommandLine(command).setOut(out).setErr(err);
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = checkArguments();
        ImportClient client = new ImportClient(http, url, token, agency, Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), terminal, files.size());
        List<FileOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.show(i, files.get(i).getFileName().toString());
            outcomes.add(client.send(files.get(i), !dryRun));
        }
        progress.finish();
        Summary.print(out, outcomes, dryRun);
        boolean anyFailed = outcomes.stream().anyMatch(o -> o.status() == FileOutcome.Status.FAILED);
        return anyFailed ? 1 : 0;
    }

    /** Usage errors end the run before anything is sent (picocli prints them with the usage, exit code 2). */
    private List<Path> checkArguments() throws IOException {
        CommandLine cmd = spec.commandLine();
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--url: not a URL: " + url);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new CommandLine.ParameterException(cmd, "--url: give an http(s) URL such as http://localhost:8080, not " + url);
        }
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(cmd, "--timeout: must be a positive number of seconds");
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(cmd, "FOLDER: " + folder + (Files.exists(folder)
                    ? " is not a folder" : " does not exist"));
        }
        List<Path> files = ReportFiles.in(folder);
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "FOLDER: " + folder + " has no .txt, .html, .pdf, .docx, .doc, .xlsx or .xls files");
        }
        return files;
    }
}

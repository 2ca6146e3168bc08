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
 * Bulk import: every report file of a folder (and its subfolders), and every page of a list of addresses, goes to the
 * report service's import endpoint one by one, with a progress bar on stderr and a summary on stdout. Exit code 0
 * when nothing was refused or failed, 1 otherwise, 2 on a usage error.
 */
@Command(name = "nianbao-import", mixinStandardHelpOptions = true, version = "nianbao-import 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Imports the annual reports (政府信息公开工作年度报告) in FOLDER and its subfolders ("
                + ReportFiles.EXTENSIONS + ") and at the addresses listed with --urls through the report service: "
                + "POST <url>/api/v1/reports:import?submit=true with the document as the body and its media type.",
                "The agency and year are read by the service from each report's title; where the title does not "
                + "give them, from the file name (沭阳县发展和改革局2023年政府信息公开年度报告.pdf). The summary says which "
                + "was used and from where; a report where neither tells is refused, not guessed.",
                "A document already imported (same SHA-256 of its bytes, kept in the state file) is skipped; a changed "
                + "file is imported again.",
                "Through the gateway a document may have at most 2 MB; larger ones go straight to the report service "
                + "(--url of the report service).",
                "Exit status: 0 nothing refused or failed, 1 some refused or failed, 2 usage error."})
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "Base URL of the API (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token, sent as the Authorization header.")
    String token;

    @Option(names = "--agency", paramLabel = "ID",
            description = "Agency id for every document (e.g. edu-640323), instead of the one named in each title.")
    String agency;

    @Option(names = "--urls", paramLabel = "FILE",
            description = "A text file of page addresses, one per line (# starts a comment): each page is fetched and "
                    + "imported, or the PDF/Word/Excel attachment it links to when it holds no report table.")
    Path urls;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Where the SHA-256 of every imported document is kept (default: " + ImportState.DEFAULT_NAME
                    + " in FOLDER, or next to the --urls file when there is no FOLDER).")
    Path stateFile;

    @Option(names = "--dry-run", description = "Only parse: call the import endpoint without submit=true; nothing is "
            + "stored or remembered.")
    boolean dryRun;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait for the service's answer to one document (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--connect-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long to wait for a connection to a page's server (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--fetch-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long a page or attachment may take to arrive, whole (default: ${DEFAULT-VALUE}).")
    int fetchTimeoutSeconds;

    @Option(names = "--max-fetch-bytes", defaultValue = "20971520", paramLabel = "BYTES",
            description = "The largest page or attachment fetched (default: ${DEFAULT-VALUE}, the service's "
                    + "nianbao.import.max-document-bytes).")
    long maxFetchBytes;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "Folder with the report files (" + ReportFiles.EXTENSIONS + "), searched with its subfolders.")
    Path folder;

    @Spec
    CommandSpec spec;

    private final HttpClient http;
    private final boolean terminal;

    /** As run from the command line. */
    public ImportCommand() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), System.console() != null);
    }

    /** With an HTTP client for the service and whether stderr is a terminal (the progress bar redraws in place there). */
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
        List<String> addresses = urls == null ? List.of() : addresses(urls);
        ImportClient client = new ImportClient(http, url, token, agency, Duration.ofSeconds(timeoutSeconds));
        ImportState state;
        try {
            state = ImportState.load(stateFile());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state: cannot read " + stateFile() + ": "
                    + e.getMessage() + " (give another file with --state, or delete it to import everything again)");
        }
        DocumentImport imports = new DocumentImport(client, state, !dryRun);
        UrlImport pages = new UrlImport(new PageFetcher(PageFetcher.client(Duration.ofSeconds(connectTimeoutSeconds)),
                Duration.ofSeconds(fetchTimeoutSeconds), maxFetchBytes), client, imports);
        PrintWriter out = spec.commandLine().getOut();
        int total = files.size() + addresses.size();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), terminal, total);
        List<FileOutcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (Path file : files) {
            String source = folder.relativize(file).toString();
            progress.show(outcomes.size(), source);
            outcomes.add(explained(source, () -> importFile(imports, file, source)));
        }
        for (String address : addresses) {
            progress.show(outcomes.size(), address);
            outcomes.add(explained(address, () -> pages.run(address)));
        }
        progress.finish();
        Summary.print(out, outcomes, dryRun, Duration.ofNanos(System.nanoTime() - started), state.file());
        boolean anyProblem = outcomes.stream().anyMatch(o -> o.status() == FileOutcome.Status.FAILED
                || o.status() == FileOutcome.Status.REFUSED);
        return anyProblem ? 1 : 0;
    }

    /** A fault in one document ends that document, said in its summary line, not the run. */
    private static FileOutcome explained(String source, java.util.function.Supplier<FileOutcome> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return new FileOutcome(source, FileOutcome.Status.FAILED, "unexpected error, nothing more was done for it: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static FileOutcome importFile(DocumentImport imports, Path file, String source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new FileOutcome(source, FileOutcome.Status.FAILED, "cannot read the file: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        return imports.run(new Document(source, name, bytes, ReportFiles.mediaType(name).orElseThrow()), "");
    }

    private Path stateFile() {
        if (stateFile != null) {
            return stateFile;
        }
        Path dir = folder != null ? folder : urls.toAbsolutePath().getParent();
        return dir.resolve(ImportState.DEFAULT_NAME);
    }

    /** The addresses of the --urls file: one a line, blank lines and # comments left out. */
    private static List<String> addresses(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
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
        if (timeoutSeconds <= 0 || connectTimeoutSeconds <= 0 || fetchTimeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(cmd, "--timeout, --connect-timeout, --fetch-timeout: must be a "
                    + "positive number of seconds");
        }
        if (maxFetchBytes <= 0) {
            throw new CommandLine.ParameterException(cmd, "--max-fetch-bytes: must be a positive number of bytes");
        }
        if (folder == null && urls == null) {
            throw new CommandLine.ParameterException(cmd, "give a FOLDER of report files, or --urls FILE, or both");
        }
        if (urls != null && !Files.isRegularFile(urls)) {
            throw new CommandLine.ParameterException(cmd, "--urls: " + urls + (Files.exists(urls)
                    ? " is not a file" : " does not exist"));
        }
        if (urls != null && addresses(urls).isEmpty() && folder == null) {
            throw new CommandLine.ParameterException(cmd, "--urls: " + urls + " lists no address (one a line)");
        }
        if (folder == null) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(cmd, "FOLDER: " + folder + (Files.exists(folder)
                    ? " is not a folder" : " does not exist"));
        }
        List<Path> files;
        try {
            files = ReportFiles.in(folder);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CommandLine.ParameterException(cmd, "FOLDER: cannot list " + folder + ": " + e.getMessage());
        }
        if (files.isEmpty() && urls == null) {
            throw new CommandLine.ParameterException(cmd, "FOLDER: " + folder + " has no report files ("
                    + ReportFiles.EXTENSIONS + ")");
        }
        return files;
    }
}

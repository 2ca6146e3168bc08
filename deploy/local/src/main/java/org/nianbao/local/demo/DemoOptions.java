package org.nianbao.local.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link DemoLoader}. */
record DemoOptions(URI url, String token, Path keyDir, long seed, DemoPlan.Size size, String region,
                   boolean includeZones, int concurrency, double rate, int attempts, boolean dryRun, String sample,
                   Progress.Mode progress, boolean listExisting, boolean help) {

    static final long DEFAULT_SEED = 20190101L;
    static final String DEFAULT_URL = "http://localhost:8080";

    static final String USAGE = """
            Usage: DemoLoader [options]

            Makes the national demo data - one education bureau (教育厅/教育局) per province, prefecture and
            county-level unit of the division list, with reports for 2019-2024 - and loads it through the public
            API: POST /api/v1/agencies, PUT /api/v1/agencies/{id}/reports/{year}. Seeded and reproducible; a
            second run skips what exists (409/412) and costs a few listing requests.

            Options:
              --url URL            the gateway (default http://localhost:8080)
              --token TOKEN        an admin bearer token, e.g. $(deploy/token admin)
              --key-dir DIR        or mint one with the local run's key, e.g. .run-data/keys
              --seed N             the seed (default 20190101): same seed, same data
              --agencies N         how many agencies: a seeded sample of N (default: the whole country)
              --size N|F|P%        the same as a count (300), a fraction (0.1) or a percentage (10%)
              --region CODE        only agencies in this region's subtree, e.g. 640000
              --with-zones         include the ~124 development zones (xxxx7x); left out by default, as they
                                   are statistical codes, not divisions
              --concurrency N      requests in flight at most (default 16)
              --rate N             requests per second at most (default 0: only the server's 429s limit it)
              --attempts N         tries per request on 429/502/503/504 or no connection (default 8)
              --no-list            do not list existing agencies and reports first (then 409/412 skip them)
              --progress MODE      bar, lines, none or auto (default: a bar on a terminal, else a line per 10 s)
              --dry-run            no HTTP: print the counts, the expected warnings and one sample report
              --sample ID/YEAR     the sample report of --dry-run, e.g. edu-640323/2021
              -h, --help           this text

            Exit status: 0 when everything was loaded or present, 1 when anything failed, 2 for a bad option.
            """;

    static DemoOptions parse(String... args) {
        URI url = URI.create(DEFAULT_URL);
        String token = null;
        Path keyDir = null;
        long seed = DEFAULT_SEED;
        DemoPlan.Size size = DemoPlan.Size.ALL;
        String region = null;
        boolean zones = false;
        int concurrency = 16;
        double rate = 0;
        int attempts = 8;
        boolean dryRun = false;
        String sample = null;
        Progress.Mode progress = null;
        boolean list = true;
        boolean help = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            switch (option) {
                case "--url" -> url = URI.create(value(option, value, rest));
                case "--token" -> token = value(option, value, rest);
                case "--key-dir" -> keyDir = Path.of(value(option, value, rest));
                case "--seed" -> seed = number(option, value(option, value, rest));
                case "--agencies" -> size = DemoPlan.Size.count((int) number(option, value(option, value, rest)));
                case "--size" -> size = size(value(option, value, rest));
                case "--region" -> region = value(option, value, rest);
                case "--with-zones" -> zones = true;
                case "--concurrency" -> concurrency = (int) number(option, value(option, value, rest));
                case "--rate" -> rate = decimal(option, value(option, value, rest));
                case "--attempts" -> attempts = (int) number(option, value(option, value, rest));
                case "--no-list" -> list = false;
                case "--progress" -> progress = mode(value(option, value, rest));
                case "--dry-run" -> dryRun = true;
                case "--sample" -> sample = value(option, value, rest);
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (concurrency < 1 || attempts < 1 || rate < 0) {
            throw new IllegalArgumentException("--concurrency and --attempts must be at least 1, --rate at least 0");
        }
        return new DemoOptions(url, token, keyDir, seed, size, region, zones, concurrency, rate, attempts, dryRun,
                sample, progress == null ? Progress.auto() : progress, list, help);
    }

    /** 300 → a count, 0.1 → a fraction, 10% → a fraction, all → everything. */
    static DemoPlan.Size size(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return DemoPlan.Size.ALL;
        }
        try {
            if (t.endsWith("%")) {
                return DemoPlan.Size.fraction(Double.parseDouble(t.substring(0, t.length() - 1)) / 100);
            }
            if (t.contains(".")) {
                return DemoPlan.Size.fraction(Double.parseDouble(t));
            }
            return DemoPlan.Size.count(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size takes a count (300), a fraction (0.1), a percentage (10%) or all, not " + text);
        }
    }

    private static Progress.Mode mode(String text) {
        return switch (text) {
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            case "auto" -> Progress.auto();
            default -> throw new IllegalArgumentException("--progress takes bar, lines, none or auto, not " + text);
        };
    }

    private static String value(String option, String inline, List<String> rest) {
        if (inline != null) return inline;
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + text);
        }
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + text);
        }
    }
}

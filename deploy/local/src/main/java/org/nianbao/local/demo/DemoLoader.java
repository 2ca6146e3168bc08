package org.nianbao.local.demo;

import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.local.demo.ReportGenerator.GeneratedReport;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.TemplateCatalog;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The national demo data: plans the agencies and their reports from the seed ({@link DemoPlan}), makes the cells
 * ({@link ReportGenerator}) and loads them through the gateway ({@link ApiLoader}), or with {@code --dry-run} only
 * says what it would send. {@code DemoLoader --help} lists the options.
 */
public final class DemoLoader {

    private DemoLoader() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("DemoLoader: " + e.getMessage());
            err.println("DemoLoader --help lists the options");
            return 2;
        }
        if (options.help()) {
            out.print(DemoOptions.USAGE);
            return 0;
        }
        long started = System.nanoTime();
        DemoPlan plan;
        try {
            plan = DemoPlan.create(new DemoPlan.Settings(options.seed(), options.size(), options.includeZones(),
                    options.region(), DemoPlan.Shares.DEFAULT));
        } catch (IllegalArgumentException e) {
            err.println("DemoLoader: " + e.getMessage());
            return 2;
        }
        TemplateCatalog catalog = TemplateCatalog.standard();
        ReportGenerator generator = new ReportGenerator(options.seed(), catalog);
        if (options.dryRun()) {
            return dryRun(options, plan, generator, out, err);
        }
        String token = options.token();
        if (token == null) {
            Path keys = options.keyDir() != null ? options.keyDir() : Path.of(".run-data", "keys");
            if (!Files.exists(keys.resolve("private.pem"))) {
                err.println("DemoLoader: no token: give --token $(deploy/token admin), or --key-dir with the local run's "
                        + "key (" + keys + "/private.pem does not exist)");
                return 2;
            }
            try {
                token = AdminToken.mint(keys, 4);
            } catch (IllegalStateException e) {
                err.println("DemoLoader: " + e.getMessage());
                return 2;
            }
        }
        DemoPlan.Counts counts = plan.counts();
        out.println(headline(plan, counts));
        out.flush();
        ApiLoader loader = new ApiLoader(new ApiLoader.Settings(options.url(), token, options.concurrency(),
                options.attempts(), Duration.ofMillis(500), Duration.ofSeconds(60), options.rate(),
                options.listExisting()), generator);
        LoadStats stats;
        try {
            stats = loader.load(plan, options.progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("DemoLoader: interrupted");
            return 1;
        }
        printSummary(out, counts, stats, Duration.ofNanos(System.nanoTime() - started));
        return stats.ok() ? 0 : 1;
    }

    // ---------------------------------------------------------------- dry run

    private static int dryRun(DemoOptions options, DemoPlan plan, ReportGenerator generator, PrintStream out, PrintStream err) {
        DemoPlan.Counts counts = plan.counts();
        out.println(headline(plan, counts) + " - dry run, nothing is sent");
        printPlan(out, counts);
        Map<String, Integer> byRule = new TreeMap<>();
        int withWarnings = 0;
        GeneratedReport sample = null;
        for (AgencyPlan agency : plan.agencies()) {
            GeneratedReport previous = null;
            for (GeneratedReport report : generator.generate(agency)) {
                if (report.plan().submitted()) {
                    Set<String> rules = generator.expectedWarnings(report, previous).stream().map(RuleWarning::rule)
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (!rules.isEmpty()) withWarnings++;
                    rules.forEach(rule -> byRule.merge(rule, 1, Integer::sum));
                    if (isSample(options.sample(), report, sample)) sample = report;
                }
                previous = report;
            }
        }
        out.printf(Locale.ROOT, "  warnings   %6d reports would be stored with warnings (%s): %s%n", withWarnings,
                percent(withWarnings, counts.reports()), join(byRule));
        out.printf(Locale.ROOT, "  requests   %6d POST agency, %d PUT report, %d PUT second version to %s%n",
                counts.agencies(), counts.reports(), counts.revisions(), options.url());
        if (options.sample() != null && (sample == null || !sampleKey(sample).equals(options.sample()))) {
            err.println("DemoLoader: no submitted report " + options.sample() + " in this plan");
            return 2;
        }
        if (sample != null) {
            out.println();
            out.println("Sample: PUT /api/v1/agencies/" + sample.agency().id() + "/reports/" + sample.year()
                    + "  (" + sample.agency().name() + ", " + describe(sample) + ")");
            out.println(SubmissionJson.write(SubmissionJson.tree(generator.catalog(), sample, false), true));
        }
        return 0;
    }

    /** The asked-for report, else the first clean report of the latest year with requests in it. */
    private static boolean isSample(String wanted, GeneratedReport report, GeneratedReport chosen) {
        if (wanted != null) {
            return sampleKey(report).equals(wanted);
        }
        if (chosen != null) return false;
        BigDecimal received = report.cells().get("requests.newReceived.total");
        return report.year() == DemoPlan.LAST_YEAR && report.plan().clean() && received != null && received.signum() > 0
                && report.agency().level() == AgencyLevel.COUNTY;
    }

    private static String sampleKey(GeneratedReport report) {
        return report.agency().id() + "/" + report.year();
    }

    private static String describe(GeneratedReport r) {
        StringBuilder s = new StringBuilder(r.template().id() + ", published " + r.plan().publishedOn());
        if (r.plan().late()) s.append(", late");
        if (r.plan().violation() != null) s.append(", violation ").append(r.plan().violation());
        if (r.plan().blank() != null) s.append(", blank ").append(r.plan().blank());
        if (r.plan().oldFormat()) s.append(", old format");
        if (r.plan().revised()) s.append(", revised (first version: ").append(r.plan().firstVersionMistake()).append(')');
        if (r.plan().clean()) s.append(", clean");
        return s.toString();
    }

    // ---------------------------------------------------------------- summary

    static String headline(DemoPlan plan, DemoPlan.Counts counts) {
        DemoPlan.Settings s = plan.settings();
        String scope = s.region() == null ? "the country" : "region " + s.region();
        String which = counts.agencies() == plan.candidates()
                ? "all " + counts.agencies() + " education bureaus of " + scope
                : counts.agencies() + " of " + scope + "'s " + plan.candidates() + " education bureaus";
        return String.format(Locale.ROOT, "National demo data, seed %d: %s (%d provinces, %d cities, "
                        + "%d counties; development zones %s), report years %d-%d",
                s.seed(), which, counts.byLevel().getOrDefault(AgencyLevel.PROVINCE, 0),
                counts.byLevel().getOrDefault(AgencyLevel.CITY, 0), counts.byLevel().getOrDefault(AgencyLevel.COUNTY, 0),
                s.includeZones() ? "included" : "left out", DemoPlan.FIRST_YEAR, DemoPlan.LAST_YEAR);
    }

    static void printPlan(PrintStream out, DemoPlan.Counts c) {
        out.printf(Locale.ROOT, "  reports    %6d of %d agency-years; missing %d (%s)%n", c.reports(), c.agencyYears(),
                c.missing(), percent(c.missing(), c.agencyYears()));
        out.printf(Locale.ROOT, "  late       %6d (%s) published after 31 January of the next year%n", c.late(),
                percent(c.late(), c.reports()));
        out.printf(Locale.ROOT, "  revisions  %6d (%s) submitted twice, the second version correcting the first%n",
                c.revisions(), percent(c.revisions(), c.reports()));
        out.printf(Locale.ROOT, "  violations %6d (%s): %s%n", c.violations(), percent(c.violations(), c.reports()),
                join(c.byViolation()));
        out.printf(Locale.ROOT, "  blanks     %6d (%s): %s%n", c.blanks(), percent(c.blanks(), c.reports()), join(c.byBlank()));
        out.printf(Locale.ROOT, "  old format %6d of %d reports from 2021 on (%s) still in the 2019 template (T1)%n",
                c.oldFormat(), c.reportsFrom2021(), percent(c.oldFormat(), c.reportsFrom2021()));
        out.printf(Locale.ROOT, "  clean      %6d agencies (%s) with all six reports regular%n", c.cleanAgencies(),
                percent(c.cleanAgencies(), c.agencies()));
    }

    static void printSummary(PrintStream out, DemoPlan.Counts c, LoadStats s, Duration took) {
        double seconds = Math.max(0.001, took.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  agencies   %6d: %d registered now, %d existed%n", c.agencies(), s.agenciesCreated(),
                s.agenciesExisting());
        printPlan(out, c);
        out.printf(Locale.ROOT, "  loaded     %6d reports submitted now, %d present already, %d failed or not tried; "
                + "%d second versions stored%n", s.reportsCreated(), s.reportsPresent(), s.reportsFailed(), s.revisionsStored());
        if (s.reportsCreated() > 0) {
            out.printf(Locale.ROOT, "  warnings   %6d of the reports submitted now were stored with warnings (%s): %s; "
                            + "%d of %d as the generator expected%n", s.withWarnings(), percent(s.withWarnings(), s.reportsCreated()),
                    join(s.warningsByRule()), s.warningsAsExpected.get(), s.warningsChecked.get());
            for (String example : s.unexpectedWarnings()) {
                // X1/X2 compare with the year before, which a seed report or another client may have sent
                out.println("  otherwise  " + example);
            }
        }
        out.printf(Locale.ROOT, "  time       %.1fs: %.0f reports/s, %d requests (%.0f/s), %d retries%s%n", seconds,
                s.reportsCreated() / seconds, s.requests(), s.requests() / seconds, s.retries(),
                s.retries() == 0 ? "" : " (" + join(s.retriesByCause()) + ")");
        for (String note : s.notes()) {
            out.println("  note       " + note);
        }
        if (s.fatal() != null) {
            out.println("  STOPPED    " + s.fatal());
        }
        out.printf(Locale.ROOT, "  failures   %6d%s%n", s.failures(), s.failures() == 0 ? "" : ": " + join(s.failuresByReason()));
        for (String example : s.failureExamples()) {
            out.println("             " + example);
        }
        out.flush();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String join(Map<?, ? extends Number> counts) {
        if (counts.isEmpty()) return "none";
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}

package org.nianbao.aggregation.query;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nianbao.service.web.Paging;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.Problem;
import org.nianbao.model.validation.ReportDates;
import org.nianbao.service.problem.ApiProblem;

/**
 * Checks the query parameters of one request and collects every problem, so a client learns at once what is
 * wrong and what is valid. {@link #done()} throws: 404 when only the region is unknown, 400 otherwise.
 */
public final class QueryParams {

    public static final Set<String> LEVELS = Set.of("ALL", "PROVINCE", "CITY", "COUNTY");
    static final int FIRST_YEAR = ReportDates.FIRST_REPORT_YEAR;

    private final List<Problem> problems = new ArrayList<>();
    private boolean regionUnknown;

    public Region region(String code, String field) {
        Region region = RegionCatalog.standard().find(code).orElse(null);
        if (region == null) {
            regionUnknown = true;
            problems.add(new Problem(field, "UNKNOWN_REGION", null,
                    "not a division code; use 6 digits such as 620000 (province), 610600 (city), 430602 (county) or 000000 (the country)",
                    code));
        }
        return region;
    }

    /** Defaults to EDUCATION, the sector the suite is built around. */
    public String sector(String code) {
        if (code == null) {
            return Sector.EDUCATION.name();
        }
        return Sector.parse(code).map(Enum::name).orElseGet(() -> {
            problems.add(new Problem("sector", "UNKNOWN_SECTOR", null, "valid sectors: " + Sector.validCodes(), code));
            return null;
        });
    }

    /** A report year as written in the query: 4 ASCII digits (not ２０２３ nor 02023), from 2008 to this year. */
    public int year(String text, String field) {
        if (text == null) {
            problems.add(new Problem(field, "REQUIRED", null, "give the report year, " + FIRST_YEAR + "–" + Year.now().getValue(), null));
            return 0;
        }
        Integer year = ReportDates.parseYear(text);
        if (year == null) {
            problems.add(new Problem(field, "INVALID_YEAR", null, "a year in 4 ASCII digits without sign or leading zero, e.g. 2023", text));
            return 0;
        }
        return yearInRange(year, field);
    }

    public int yearInRange(int year, String field) {
        int last = Year.now().getValue();
        if (year < FIRST_YEAR || year > last) {
            problems.add(new Problem(field, "OUT_OF_RANGE", null, "report years run from " + FIRST_YEAR + " to " + last, year));
        }
        return year;
    }

    /** Defaults to ALL (every agency level). */
    public String level(String level) {
        if (level == null) {
            return "ALL";
        }
        String upper = level.toUpperCase();
        if (!LEVELS.contains(upper)) {
            problems.add(new Problem("level", "UNKNOWN_LEVEL", null, "valid levels: ALL, PROVINCE, CITY, COUNTY", level));
        }
        return upper;
    }

    public MetricRef metric(String code, String field) {
        if (code == null) {
            problems.add(new Problem(field, "REQUIRED", null, validMetrics(), null));
            return null;
        }
        MetricRef metric = MetricRef.of(code, TemplateCatalog.standard());
        if (metric == null) {
            problems.add(new Problem(field, "UNKNOWN_METRIC", null, validMetrics(), code));
        }
        return metric;
    }

    public List<String> list(String csv, String field, int max) {
        List<String> values = csv == null ? List.of()
                : java.util.Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (values.isEmpty() || values.size() > max) {
            problems.add(new Problem(field, values.isEmpty() ? "REQUIRED" : "TOO_MANY", null,
                    "a comma-separated list of 1 to " + max + " values", csv));
        }
        return values;
    }

    /** The page of a listing, as every listing takes it: {@code page} from 0 (default 0), {@code size} 1–1000 (default 100). */
    public PageRequest page(String page, String size) {
        int p = wholeNumber(page, "page", 0);
        int s = wholeNumber(size, "size", PageRequest.DEFAULT_SIZE);
        Paging.check(p, s, problems);
        return new PageRequest(p, s);
    }

    /** A whole number in ASCII digits, or {@code absent} when not given; a problem (and {@code absent}) when not one. */
    private int wholeNumber(String text, String field, int absent) {
        if (text == null) {
            return absent;
        }
        if (!text.matches("-?[0-9]{1,10}")) {
            problems.add(new Problem(field, "NOT_A_NUMBER", null, "a whole number in ASCII digits", text));
            return absent;
        }
        long value = Long.parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(new Problem(field, "OUT_OF_RANGE", null, "a whole number up to " + Integer.MAX_VALUE, text));
            return absent;
        }
        return (int) value;
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    public void done() {
        if (problems.isEmpty()) {
            return;
        }
        if (regionUnknown && problems.size() == 1) {
            throw new ApiProblem(ProblemDetail.of(404, "unknown-region", "Unknown region", problems.get(0).message())
                    .withErrors(problems));
        }
        throw ApiProblem.badRequest(problems.size() + " parameter problem(s)", problems);
    }

    private static String validMetrics() {
        TemplateCatalog catalog = TemplateCatalog.standard();
        return "a cell or group code from GET /api/v1/templates (e.g. requests.newReceived.total, "
                + "requests.outcome.withheld.total, activeDisclosure.licensing.decisions) or an indicator: "
                + String.join(", ", catalog.indicators().stream().map(i -> i.code()).toList());
    }
}

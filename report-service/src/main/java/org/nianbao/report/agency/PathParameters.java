package org.nianbao.report.agency;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.model.agency.AgencyId;
import org.nianbao.model.validation.Problem;
import org.nianbao.model.validation.ReportDates;
import org.nianbao.service.problem.ApiProblem;

/**
 * Checks the identifiers of a path before anything is looked up with them: an agency id has the form of one, a year is
 * four ASCII digits. Anything else names no resource and is refused with 400 naming the
 * parameter; a NUL or a fullwidth digit never reaches the database.
 */
public final class PathParameters {

    private PathParameters() {
    }

    /** The agency id of a path, checked. */
    public static String agencyId(String id, String parameter) {
        if (!AgencyId.valid(id)) {
            throw ApiProblem.badRequest("the path names no agency: an agency id is " + AgencyId.RULE,
                    List.of(new Problem(parameter, Problem.INVALID_ID, null, AgencyId.RULE, id)));
        }
        return id;
    }

    /**
     * The year of a report's path ({@code /agencies/{agencyId}/reports/{year}}), both parts checked at once. The year is
     * checked for its form only (4 ASCII digits without sign or leading zero): a well-formed year outside the report
     * years names a report that does not exist (404), or is refused with the body's problems when one is sent (422).
     */
    public static int reportYear(String agencyId, String yearText) {
        List<Problem> problems = new ArrayList<>();
        if (!AgencyId.valid(agencyId)) {
            problems.add(new Problem("agencyId", Problem.INVALID_ID, null, AgencyId.RULE, agencyId));
        }
        Problem year = yearFormProblem(yearText, "year");
        if (year != null) {
            problems.add(year);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the path names no report: " + problems.size() + " problem(s)", problems);
        }
        return Integer.parseInt(yearText);
    }

    private static Problem yearFormProblem(String text, String parameter) {
        return ReportDates.parseYear(text) != null ? null : new Problem(parameter, "INVALID_YEAR", null,
                "4 ASCII digits without sign or leading zero (e.g. 2022)", text);
    }

    /** What is wrong with a report year of a query filter, or null if nothing is: its form, and its range. */
    public static Problem yearProblem(String text, String parameter, Clock clock) {
        Integer year = ReportDates.parseYear(text);
        int current = Year.now(clock).getValue();
        if (year != null && ReportDates.plausibleYear(year, current)) {
            return null;
        }
        return new Problem(parameter, year == null ? "INVALID_YEAR" : "OUT_OF_RANGE", null,
                "4 ASCII digits without sign or leading zero, from " + ReportDates.FIRST_REPORT_YEAR + " to " + current
                        + " (e.g. 2022)", text);
    }
}

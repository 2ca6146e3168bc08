package org.nianbao.report.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.rules.PreviousYear;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;
import org.nianbao.model.validation.ParsedReport;
import org.nianbao.model.validation.Problem;
import org.nianbao.report.agency.Agency;
import org.nianbao.service.problem.ApiProblem;

/**
 * Submits many reports in one request and one transaction: all of them are stored, each as a new version with its
 * event, or none is. Each report is read, checked and announced exactly as a PUT of it would be; what a batch saves is
 * the per-request work around that (HTTP, the token check, the transaction, one round trip to PostgreSQL per
 * statement), which was most of a submission's cost (BENCHMARKS.md, section 1).
 */
@ApplicationScoped
public class ReportBatch {

    /** At most this many reports in one batch; the gateway's body limit (2 MB) usually binds first. */
    public static final int MAX_REPORTS = 500;

    /**
     * Creates each head row or advances its current version, as {@code ReportService.advanceHead} does for one, and
     * locks them until the transaction ends. The rows come in (agency, year) order, so two batches that share
     * reports lock them in the same order and cannot deadlock.
     */
    private static final String ADVANCE_HEADS = "INSERT INTO report AS r (agency_id, year, current_version, status, updated_at)"
            + " SELECT k.agency_id, k.year, 1, ?, ? FROM unnest(?::text[], ?::int4[]) WITH ORDINALITY AS k(agency_id, year, n)"
            + " ORDER BY k.n ON CONFLICT (agency_id, year) DO UPDATE"
            + " SET current_version = r.current_version + 1, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at"
            + " RETURNING agency_id, year, current_version";

    /** One report of the batch, read and checked. */
    private record Item(int index, Agency agency, int year, ParsedReport parsed, Template template) {
        String key() {
            return Topics.reportKey(agency.id, year);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    ReportService reports;
    @Inject
    SubmissionReader reader;

    /**
     * Stores every report of {@code batch} ({@code {"reports": [submission, ...]}}, each naming its agencyId and year),
     * or refuses the whole batch with one Problem that lists the problems of every report.
     *
     * @param mayWrite whether the caller may write the reports of an agency
     * @return the stored versions' summaries, in the order of the batch
     */
    @Transactional
    public List<ReportSummary> submit(JsonNode batch, boolean strict, Predicate<String> mayWrite) {
        List<Item> items = read(batch, mayWrite);
        List<Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing((Item i) -> i.agency().id).thenComparingInt(Item::year));

        Map<String, PreviousYear> before = reports.previousYears(ordered.stream().map(i -> i.agency().id).toList(),
                ordered.stream().map(i -> i.year() - 1).toList());
        // a year before that comes in this batch is the one the report follows once the batch is stored
        ordered.forEach(i -> before.put(i.key(), new PreviousYear(i.template(), i.parsed().cells())));
        Map<Integer, List<RuleWarning>> warnings = new HashMap<>();
        List<Problem> refused = new ArrayList<>();
        for (Item i : ordered) {
            List<RuleWarning> w = reports.checkRules(i.year(), i.template(), i.parsed(),
                    before.get(Topics.reportKey(i.agency().id, i.year() - 1)));
            warnings.put(i.index(), w);
            if (strict) {
                w.forEach(r -> refused.add(new Problem(where(i.index()), "RULE_WARNING", r.rule(), r.message(), null)));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiProblem(ProblemDetail.of(422, "rule-warnings", "The reports break cross-check rules",
                    refused.size() + " rule warning(s) with ?strict=true; nothing was stored").withErrors(refused));
        }

        OffsetDateTime now = ReportService.now();
        Map<String, Integer> versions = advanceHeads(ordered, now);
        List<ReportService.NewVersion> stored = new ArrayList<>(ordered.size());
        Map<Integer, ReportSummary> summaries = new HashMap<>();
        for (Item i : ordered) {
            ReportService.NewVersion n = reports.activeVersion(i.agency(), i.year(), versions.get(i.key()), i.template(),
                    i.parsed(), warnings.get(i.index()), now);
            stored.add(n);
            summaries.put(i.index(), ReportService.summary(i.agency(), n.version(), warnings.get(i.index())));
        }
        VersionInsert.insert(em, stored);
        return items.stream().map(i -> summaries.get(i.index())).toList();
    }

    /** Reads and checks every report of the batch; any problem refuses the whole batch, listing them all. */
    private List<Item> read(JsonNode tree, Predicate<String> mayWrite) {
        JsonNode list = tree.isObject() ? tree.get("reports") : null;
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_REPORTS) {
            throw ApiProblem.badRequest("send {\"reports\": [...]} with 1 to " + MAX_REPORTS + " reports; nothing was stored",
                    List.of(new Problem("reports", Problem.REQUIRED, null, "an array of 1 to " + MAX_REPORTS
                            + " submissions, each with its agencyId and year", list == null ? null : list.size())));
        }
        List<Problem> problems = new ArrayList<>();
        tree.properties().stream().filter(f -> !f.getKey().equals("reports")).forEach(f -> problems.add(
                new Problem(f.getKey(), Problem.UNKNOWN_FIELD, null, "unknown field " + f.getKey(), null)));
        List<ParsedReport> parsed = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            parsed.add(reader.readItem(list.get(i), where(i) + ".", problems));
        }
        Map<String, Agency> agencies = agencies(parsed);
        List<Problem> forbidden = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Item> items = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            ParsedReport p = parsed.get(i);
            if (p == null) {
                continue;
            }
            Agency agency = agencies.get(p.agencyId());
            if (agency == null) {
                problems.add(new Problem(where(i) + ".agencyId", "UNKNOWN_AGENCY", null, "no agency " + p.agencyId()
                        + "; register it with POST /api/v1/agencies first", p.agencyId()));
            } else if (!mayWrite.test(agency.id)) {
                forbidden.add(new Problem(where(i) + ".agencyId", "FORBIDDEN", null, "only agency " + agency.id
                        + " (a submitter token with agency=" + agency.id + ") or an admin may change its reports", agency.id));
            } else if (!seen.add(Topics.reportKey(agency.id, p.year()))) {
                problems.add(new Problem(where(i), "DUPLICATE", null, "the " + p.year() + " report of " + agency.id
                        + " comes twice in this batch; send one version of it, or revise it in a later batch", p.agencyId()));
            } else {
                items.add(new Item(i, agency, p.year(), p, reports.template(p)));
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ApiProblem(ProblemDetail.of(403, "forbidden", "Forbidden", forbidden.size()
                    + " report(s) of the batch belong to agencies this token may not write; nothing was stored").withErrors(forbidden));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("the batch has " + problems.size() + " problem(s); nothing was stored", problems);
        }
        return items;
    }

    /** The agencies the parsed reports name, by id, in one query. */
    private Map<String, Agency> agencies(List<ParsedReport> parsed) {
        Set<String> ids = new HashSet<>();
        parsed.stream().filter(p -> p != null && p.agencyId() != null).forEach(p -> ids.add(p.agencyId()));
        Map<String, Agency> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Agency.<Agency>list("id in ?1", ids).forEach(a -> found.put(a.id, a));
        }
        return found;
    }

    /** The new current version of each report, by its key; the heads stay locked until the transaction ends. */
    private Map<String, Integer> advanceHeads(List<Item> ordered, OffsetDateTime now) {
        Map<String, Integer> versions = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(ADVANCE_HEADS)) {
                ps.setString(1, ReportData.ACTIVE);
                ps.setObject(2, now);
                ps.setArray(3, c.createArrayOf("text", ordered.stream().map(i -> i.agency().id).toArray()));
                ps.setArray(4, c.createArrayOf("int4", ordered.stream().map(Item::year).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(Topics.reportKey(rs.getString(1), rs.getInt(2)), rs.getInt(3));
                    }
                }
            }
        });
        return versions;
    }

    private static String where(int index) {
        return "reports[" + index + "]";
    }
}

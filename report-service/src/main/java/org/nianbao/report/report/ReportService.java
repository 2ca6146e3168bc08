package org.nianbao.report.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.RenderedCells;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.rules.PreviousYear;
import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParsedReport;
import org.nianbao.model.validation.TemplateYearCheck;
import org.nianbao.report.agency.Agency;
import org.nianbao.report.agency.AgencyService;
import org.nianbao.report.outbox.Outbox;
import org.nianbao.service.problem.ApiProblem;

/**
 * Accepts, revises, withdraws and reads reports. Every accepted change is a new immutable version and
 * writes its event to the outbox in the same transaction, so an event exists exactly when a version does.
 */
@ApplicationScoped
public class ReportService {

    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final RuleEngine rules = new RuleEngine(catalog);
    private final String previousYearQuery = previousYearQuery(rules.previousYearCells(), false);
    private final String previousYearsQuery = previousYearQuery(rules.previousYearCells(), true);

    @Inject
    EntityManager em;
    @Inject
    AgencyService agencies;
    @Inject
    SubmissionReader reader;
    @Inject
    Outbox outbox;

    /**
     * The outcome of a PUT: the stored version and whether it created the report. The full view (every cell as a
     * tree) is built only when asked for: a caller that prefers a minimal answer gets the summary, and building and
     * writing the full view was over a quarter of the service's time per submission (BENCHMARKS.md).
     */
    public static final class Accepted {
        private final ReportSummary summary;
        private final Supplier<ReportVersionView> fullView;
        private final boolean created;
        private ReportVersionView version;

        Accepted(ReportSummary summary, Supplier<ReportVersionView> fullView, boolean created) {
            this.summary = summary;
            this.fullView = fullView;
            this.created = created;
        }

        public synchronized ReportVersionView version() {
            if (version == null) {
                version = fullView.get();
            }
            return version;
        }

        public ReportSummary summary() {
            return summary;
        }

        public boolean created() {
            return created;
        }
    }

    @Transactional
    public Accepted submit(String agencyId, int year, String body, String ifMatch, String ifNoneMatch, boolean strict) {
        Agency agency = requireAgency(agencyId);
        ParsedReport parsed = reader.read(body, year);
        Template template = template(parsed);
        List<RuleWarning> warnings = checkRules(agencyId, year, template, parsed);
        if (strict && !warnings.isEmpty()) {
            throw new ApiProblem(ProblemDetail.of(422, "rule-warnings", "The report breaks cross-check rules",
                    warnings.size() + " rule warning(s) with ?strict=true; nothing was stored").withWarnings(warnings));
        }
        OffsetDateTime now = now();
        int version = advanceHead(agencyId, year, ReportData.ACTIVE, now);
        checkPreconditions(version - 1, ifMatch, ifNoneMatch); // a refusal rolls the advanced head back
        NewVersion stored = activeVersion(agency, year, version, template, parsed, warnings, now);
        ReportVersion v = stored.version();
        VersionInsert.insert(em, List.of(stored)); // the version and its event in one statement, in this transaction
        // the answer is made from what was just stored, without reading its JSON back
        return new Accepted(summary(agency, v, warnings), () -> view(agency, v, parsed.cells(), parsed.texts(),
                parsed.blankCells(), warnings), version == 1);
    }

    /** A version ready to insert, with the outbox row that announces it. */
    record NewVersion(ReportVersion version, Outbox.Row event) {
    }

    /** The new ACTIVE version {@code version} of a parsed report and its event; nothing is written yet. */
    NewVersion activeVersion(Agency agency, int year, int version, Template template, ParsedReport parsed,
                             List<RuleWarning> warnings, OffsetDateTime now) {
        ReportVersion v = newVersion(agency.id, year, version, ReportData.ACTIVE, template.id(), now);
        v.publishedOn = parsed.publishedOn();
        RenderedCells cells = RenderedCells.of(parsed.cells()); // one JSON for the stored version and its event
        v.cells = cells.json();
        v.blankCells = StoredJson.write(parsed.blankCells());
        v.texts = StoredJson.write(parsed.texts());
        v.warnings = StoredJson.write(warnings);
        return new NewVersion(v, outbox.row(Topics.REPORTS, Topics.reportKey(agency.id, year), event(agency, v, cells, warnings)));
    }

    static ReportSummary summary(Agency agency, ReportVersion v, List<RuleWarning> warnings) {
        return new ReportSummary(agency.id, agency.name, agency.regionCode, agency.sector.name(), agency.level.name(),
                v.year, v.version, v.status, v.template, v.publishedOn, v.submittedAt, warnings.size());
    }

    @Transactional
    public ReportVersionView withdraw(String agencyId, int year, String ifMatch) {
        Agency agency = requireAgency(agencyId);
        Report head = em.find(Report.class, new Report.Key(agencyId, year), LockModeType.PESSIMISTIC_WRITE);
        if (head == null || head.currentVersion == 0) {
            throw ApiProblem.notFound("agency " + agencyId + " has no report for " + year);
        }
        if (ReportData.WITHDRAWN.equals(head.status)) {
            throw ApiProblem.conflict("the " + year + " report of " + agencyId + " is already withdrawn (version "
                    + head.currentVersion + "); PUT a new version to submit it again");
        }
        checkPreconditions(head.currentVersion, ifMatch, null);
        ReportVersion previous = version(agencyId, year, head.currentVersion);
        OffsetDateTime now = now();
        head.currentVersion++;
        head.status = ReportData.WITHDRAWN;
        head.updatedAt = now;
        ReportVersion v = newVersion(agencyId, year, head.currentVersion, ReportData.WITHDRAWN, previous.template, now);
        v.publishedOn = previous.publishedOn;
        v.cells = RenderedCells.NONE.json();
        v.blankCells = "[]";
        v.texts = "{}";
        v.warnings = "[]";
        v.persist();
        publish(agency, v, RenderedCells.NONE, List.of());
        return view(agency, v);
    }

    /** Checks a report without storing it: the parse errors as a Problem, else the rule warnings. */
    @Transactional
    public List<RuleWarning> validate(String body) {
        ParsedReport parsed = reader.read(body, null);
        Template template = catalog.find(parsed.template()).orElseThrow();
        if (parsed.agencyId() != null) {
            requireAgency(parsed.agencyId());
        }
        return parsed.year() == null ? rules.check(template, parsed.cells(), null)
                : checkRules(parsed.agencyId(), parsed.year(), template, parsed);
    }

    public ReportVersionView current(String agencyId, int year) {
        Agency agency = requireAgency(agencyId);
        Report head = Report.findById(new Report.Key(agencyId, year));
        if (head == null || head.currentVersion == 0) {
            throw ApiProblem.notFound("agency " + agencyId + " has no report for " + year);
        }
        return view(agency, version(agencyId, year, head.currentVersion));
    }

    public List<ReportVersionView> versions(String agencyId, int year) {
        Agency agency = requireAgency(agencyId);
        List<ReportVersion> all = ReportVersion.list("agencyId = ?1 and year = ?2 order by version", agencyId, year);
        if (all.isEmpty()) {
            throw ApiProblem.notFound("agency " + agencyId + " has no report for " + year);
        }
        return all.stream().map(v -> view(agency, v)).toList();
    }

    public ReportVersionView oneVersion(String agencyId, int year, int version) {
        Agency agency = requireAgency(agencyId);
        return view(agency, version(agencyId, year, version));
    }

    private List<RuleWarning> checkRules(String agencyId, Integer year, Template template, ParsedReport parsed) {
        return checkRules(year, template, parsed, agencyId == null ? null : previousYear(agencyId, year - 1));
    }

    /** The warnings of a report whose year before ({@code previous}, or null) has been read already. */
    List<RuleWarning> checkRules(Integer year, Template template, ParsedReport parsed, PreviousYear previous) {
        List<RuleWarning> warnings = new ArrayList<>(year == null ? List.of() : TemplateYearCheck.templateYearWarnings(template, year));
        warnings.addAll(rules.check(template, parsed.cells(), previous));
        return warnings;
    }

    /**
     * The agency's current report of {@code year}, unless there is none or it is withdrawn: head and version in one
     * query, and read-only, so that nothing of it is kept in the persistence context to be checked at flush. Only
     * the cells a cross-year rule reads are fetched: turning all ~200 cells into a map took a seventh of the
     * service's time per submission (BENCHMARKS.md).
     */
    private PreviousYear previousYear(String agencyId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(previousYearQuery)
                .setParameter(1, agencyId).setParameter(2, year).setParameter(3, ReportData.WITHDRAWN)
                .getResultList();
        return rows.isEmpty() ? null : previousYear((String) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /**
     * The year before of many reports at once, as {@link #previousYear(String, int)} reads it for one, keyed by
     * {@link Topics#reportKey} of the year read (the report's own year minus one).
     */
    Map<String, PreviousYear> previousYears(List<String> agencyIds, List<Integer> years) {
        Map<String, PreviousYear> found = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(previousYearsQuery)) {
                ps.setArray(1, c.createArrayOf("text", agencyIds.toArray()));
                ps.setArray(2, c.createArrayOf("int4", years.toArray()));
                ps.setString(3, ReportData.WITHDRAWN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(Topics.reportKey(rs.getString(3), rs.getInt(4)), previousYear(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        });
        return found;
    }

    /** A year before from its template and the JSON of the cells a cross-year rule reads. */
    private PreviousYear previousYear(String template, String cells) {
        return new PreviousYear(catalog.find(template).orElseThrow(), StoredJson.cells(cells));
    }

    /**
     * Selects the named cells of a version as a JSON object; a blank (absent) cell stays absent. The stored cells are
     * compressed, and PostgreSQL decompresses a column again for each operator that reads it: picking nine cells with
     * {@code v.cells -> code} decompressed the document nine times. The inner query hands on one decompressed copy
     * ({@code || '{}'} makes a new value; {@code OFFSET 0} keeps the planner from folding the subquery back in), which
     * halved the statement's cost (BENCHMARKS.md, section 1). With {@code many}, the reports are given as two arrays
     * (agency ids, years) and each row also names its agency and year.
     */
    private static String previousYearQuery(List<String> cells, boolean many) {
        List<String> objects = new ArrayList<>(); // jsonb_build_object takes at most 100 arguments: 50 cells each
        for (int from = 0; from < cells.size(); from += 50) {
            StringBuilder pairs = new StringBuilder();
            for (String code : cells.subList(from, Math.min(cells.size(), from + 50))) {
                if (!code.matches("[A-Za-z0-9.]+")) {
                    throw new IllegalStateException("unexpected cell code " + code); // they go into the SQL text
                }
                pairs.append(pairs.isEmpty() ? "" : ", ").append('\'').append(code).append("', c -> '").append(code).append('\'');
            }
            objects.add("jsonb_build_object(" + pairs + ")");
        }
        String picked = objects.isEmpty() ? "'{}'::jsonb" : "jsonb_strip_nulls(" + String.join(" || ", objects) + ")";
        String reports = many
                ? " FROM unnest(?::text[], ?::int4[]) AS k(agency_id, year) JOIN report r ON r.agency_id = k.agency_id AND r.year = k.year"
                : " FROM report r";
        String which = many ? "" : " r.agency_id = ?1 AND r.year = ?2 AND";
        String status = many ? "?" : "?3";
        return "SELECT template, CAST(" + picked + " AS text)" + (many ? ", agency_id, year" : "")
                + " FROM (SELECT v.template, v.cells || '{}'::jsonb AS c, r.agency_id, r.year" + reports
                + " JOIN report_version v ON v.agency_id = r.agency_id AND v.year = r.year AND v.version = r.current_version"
                + " WHERE" + which + " r.current_version > 0 AND r.status <> " + status + " OFFSET 0) picked";
    }

    /** The template a parsed report names (the parser refuses an unknown one). */
    Template template(ParsedReport parsed) {
        return catalog.find(parsed.template()).orElseThrow();
    }

    private Agency requireAgency(String agencyId) {
        return agencies.find(agencyId).orElseThrow(() -> ApiProblem.notFound(
                "no agency " + agencyId + "; register it with POST /api/v1/agencies first"));
    }

    /**
     * Creates the head row or advances its current version, in one statement that also locks the row until the
     * transaction ends: concurrent writers of one report queue up here, and each gets the next version number.
     *
     * @return the new current version (1 for a new report)
     */
    private int advanceHead(String agencyId, int year, String status, OffsetDateTime now) {
        Object version = em.createNativeQuery("INSERT INTO report AS r (agency_id, year, current_version, status, updated_at)"
                        + " VALUES (?1, ?2, 1, ?3, ?4) ON CONFLICT (agency_id, year) DO UPDATE"
                        + " SET current_version = r.current_version + 1, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at"
                        + " RETURNING current_version")
                .setParameter(1, agencyId).setParameter(2, year).setParameter(3, status).setParameter(4, now)
                .getSingleResult();
        return ((Number) version).intValue();
    }

    private static void checkPreconditions(int currentVersion, String ifMatch, String ifNoneMatch) {
        if (ifMatch != null && !Etags.matches(ifMatch, currentVersion)) {
            throw ApiProblem.preconditionFailed("If-Match " + ifMatch + " does not match the current version "
                    + (currentVersion == 0 ? "(there is none)" : Etags.of(currentVersion))
                    + "; GET the report, apply your change to it and send it again");
        }
        if ("*".equals(ifNoneMatch) && currentVersion > 0) {
            throw ApiProblem.preconditionFailed("If-None-Match: * but the report exists (version "
                    + currentVersion + ")");
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static ReportVersion newVersion(String agencyId, int year, int version, String status, String template,
                                            OffsetDateTime now) {
        ReportVersion v = new ReportVersion();
        v.agencyId = agencyId;
        v.year = year;
        v.version = version;
        v.status = status;
        v.template = template;
        v.submittedAt = now;
        return v;
    }

    private static ReportVersion version(String agencyId, int year, int version) {
        ReportVersion v = ReportVersion.findById(new ReportVersion.Key(agencyId, year, version));
        if (v == null) {
            throw ApiProblem.notFound("agency " + agencyId + " has no version " + version + " of its " + year + " report");
        }
        return v;
    }

    private void publish(Agency agency, ReportVersion v, RenderedCells cells, List<RuleWarning> warnings) {
        outbox.add(Topics.REPORTS, Topics.reportKey(agency.id, v.year), event(agency, v, cells, warnings));
    }

    private CloudEvent<ReportData> event(Agency agency, ReportVersion v, RenderedCells cells,
                                         List<RuleWarning> warnings) {
        ReportData data = new ReportData(agency.id, agency.name, agency.regionCode, agencies.regionPath(agency.regionCode),
                agency.sector.name(), agency.level, v.year, v.template, v.publishedOn, v.version,
                v.version > 1 ? v.version - 1 : null, v.status, v.submittedAt, cells, warnings);
        String type = v.status.equals(ReportData.WITHDRAWN) ? Topics.REPORT_WITHDRAWN_TYPE : Topics.REPORT_VERSION_TYPE;
        String key = Topics.reportKey(agency.id, v.year);
        return CloudEvent.of(key + "/v" + v.version, type, "agencies/" + agency.id + "/reports/" + v.year, v.submittedAt, data);
    }

    ReportVersionView view(Agency agency, ReportVersion v) {
        return view(agency, v, StoredJson.cells(v.cells), StoredJson.texts(v.texts), StoredJson.codes(v.blankCells),
                StoredJson.warnings(v.warnings));
    }

    private static ReportVersionView view(Agency agency, ReportVersion v, Map<String, BigDecimal> cells,
                                          Map<String, String> texts, Collection<String> blankCells,
                                          List<RuleWarning> warnings) {
        TreeSet<String> blanks = new TreeSet<>(blankCells);
        return new ReportVersionView(agency.id, agency.name, agency.regionCode, agency.sector.name(), agency.level.name(),
                v.year, v.version, v.version > 1 ? v.version - 1 : null, v.status, v.template, v.publishedOn,
                v.submittedAt, texts.get("overview"), CellTree.section("activeDisclosure", cells),
                CellTree.section("requests", cells), CellTree.section("reviewLitigation", cells),
                texts.get("problems"), texts.get("otherMatters"), blanks.isEmpty() ? null : blanks, cells.size(),
                warnings);
    }
}

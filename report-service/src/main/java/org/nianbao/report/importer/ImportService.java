package org.nianbao.report.importer;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.report.agency.Agency;
import org.nianbao.report.report.ReportService;

/** Reads published report texts with the importer and, when asked, stores them like any submission. */
@ApplicationScoped
public class ImportService {

    private final ReportImporter importer;
    private final ReportService reports;

    ImportService(ReportService reports, ImportSettings settings) {
        this.reports = reports;
        this.importer = new ReportImporter(TemplateCatalog.standard(), settings.limits());
    }

    public record Stored(ImportOutcome outcome, boolean created) {
    }

    public ImportOutcome read(String body, boolean html, String agencyId, Integer year) {
        ImportResult result = html ? importer.importHtml(body == null ? "" : body) : importer.importText(body == null ? "" : body);
        String agency = agencyId != null ? agencyId : agencyNamed(result.agencyName());
        return new ImportOutcome(result.template(), result.agencyName(), agency, year != null ? year : result.year(),
                result.submission(), result.diagnostics(), importer.ruleWarnings(result), null);
    }

    public Stored submit(ImportOutcome outcome) {
        ReportService.Accepted accepted = reports.submit(outcome.agencyId(), outcome.year(), outcome.submission().toString(),
                null, null, false);
        return new Stored(new ImportOutcome(outcome.template(), outcome.agencyName(), outcome.agencyId(), outcome.year(),
                outcome.submission(), outcome.diagnostics(), accepted.version().warnings(), accepted.version()), accepted.created());
    }

    public boolean isRegistered(String agencyId) {
        return Agency.findById(agencyId) != null;
    }

    /** The registered agency with exactly this name, when there is one and only one. */
    private static String agencyNamed(String name) {
        if (name == null) {
            return null;
        }
        var found = Agency.<Agency>find("name = :name", Parameters.with("name", name)).list();
        return found.size() == 1 ? found.get(0).id : null;
    }
}

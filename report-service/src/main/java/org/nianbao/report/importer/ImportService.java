package org.nianbao.report.importer;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;
import org.nianbao.importer.document.DocumentLimits;
import org.nianbao.importer.document.DocumentReader;
import org.nianbao.importer.document.ReadDocument;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.report.agency.Agency;
import org.nianbao.report.report.ReportService;

/**
 * Reads published reports (PDF, Word, Excel, HTML or text in any charset the document reader knows) with the importer
 * and, when asked, stores them like any submission.
 */
@ApplicationScoped
public class ImportService {

    private final ReportImporter importer;
    private final DocumentReader documents;
    private final ReportService reports;

    ImportService(ReportService reports, ImportSettings settings) {
        this.reports = reports;
        this.importer = new ReportImporter(TemplateCatalog.standard(), settings.limits());
        // the text the importer then reads is still held to nianbao.import.max-bytes
        this.documents = new DocumentReader(DocumentLimits.defaults().withMaxBytes(settings.maxDocumentBytes()));
    }

    public record Stored(ImportOutcome outcome, boolean created) {
    }

    /**
     * @param mediaType the declared media type (its charset is used for text), or null
     * @param fileName  the uploaded file's name, or null
     * @param agencyName the agency's name to look up when the text names none (the title wins: it is the report's
     *                   own word), or null
     * @throws org.nianbao.importer.document.DocumentException when the bytes are no document the reader knows
     */
    public ImportOutcome read(byte[] body, String mediaType, String fileName, String agencyId, String agencyName,
                              Integer year) {
        ReadDocument document = documents.read(body, mediaType, fileName);
        ImportResult result = document.importWith(importer);
        String name = result.agencyName() != null ? result.agencyName() : blankToNull(agencyName);
        String agency = agencyId != null ? agencyId : agencyNamed(name);
        return new ImportOutcome(result.template(), name, agency, year != null ? year : result.year(),
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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

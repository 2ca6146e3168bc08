package org.nianbao.importer;

import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.TemplateYearCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a published annual report (政府信息公开工作年度报告) — plain text or an HTML page — into the submission JSON
 * of the report service, with diagnostics of how every part was read.
 * <p>
 * Everything it matches comes from the catalog (section, row and column labels of the templates) plus the
 * importer's vocabulary of real-world spellings; the template is detected from the table headers, not from the year.
 * It places only what is certain: a number it cannot put into a cell with certainty is listed in
 * {@link Diagnostics#unplaced()}, and figures from sentences are listed apart and never enter the tables.
 * Thread-safe: an instance can serve concurrent imports.
 */
public final class ReportImporter {

    private static final List<String> REPORT_WORDS = List.of("年度报告", "工作报告", "年报");

    private final TemplateCatalog catalog;
    private final Vocabulary vocabulary;
    private final TemplateDetector detector;
    private final SectionFinder sectionFinder;
    private final TitleReader titleReader;
    private final CellTokenizer tokenizer;
    private final ProseFigureReader proseReader;
    private final TextNormalizer normalizer = new TextNormalizer();

    public ReportImporter(TemplateCatalog catalog) {
        this.catalog = catalog;
        this.vocabulary = Vocabulary.standard();
        this.detector = new TemplateDetector(catalog, vocabulary);
        this.sectionFinder = new SectionFinder(catalog, vocabulary);
        this.titleReader = new TitleReader(vocabulary);
        this.tokenizer = new CellTokenizer(vocabulary);
        this.proseReader = new ProseFigureReader(vocabulary);
    }

    /** Imports a report published as plain text (copied from a web page, one of the layouts of {@link TableLayout}). */
    public ImportResult importText(String text) {
        if (text == null || text.isBlank()) {
            throw new ImportException("The text is empty: there is nothing to import.");
        }
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return read(TextNormalizer.splitLines(withoutBom));
    }

    /** Imports a report page: the markup is stripped and each {@code <table>} read as a grid (rowspan, colspan). */
    public ImportResult importHtml(String html) {
        if (html == null || html.isBlank()) {
            throw new ImportException("The HTML is empty: there is nothing to import.");
        }
        List<SourceLine> lines = new HtmlReader().read(html);
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            throw new ImportException("The HTML page has no text: there is nothing to import.");
        }
        return read(lines);
    }

    /** The rule warnings (R1–R4, and T1 for a template outside its years) the service will store with the import. */
    public List<RuleWarning> ruleWarnings(ImportResult result) {
        Template template = catalog.find(result.template()).orElseThrow();
        List<RuleWarning> warnings = new ArrayList<>(new RuleEngine(catalog).check(template, result.cells(), null));
        if (result.year() != null) {
            warnings.addAll(TemplateYearCheck.templateYearWarnings(template, result.year()));
        }
        return warnings;
    }

    private ImportResult read(List<SourceLine> input) {
        TextNormalizer.Normalized normalized = normalizer.normalize(input);
        List<SourceLine> lines = normalized.lines();
        List<String> notes = new ArrayList<>(normalized.notes());

        SectionFinder.Sections sections = sectionFinder.find(lines);
        TitleReader.Title title = titleReader.read(lines);
        notes.addAll(title.notes());
        notes.addAll(sections.notes());

        List<List<CellRow>> regions = new ArrayList<>();
        for (SectionFinder.Region region : sections.numericRegions()) {
            regions.add(tokenizer.tokenize(lines.subList(region.from(), region.to())));
        }
        List<CellRow> allRows = regions.stream().flatMap(List::stream).toList();

        Template template = chooseTemplate(allRows, title.year(), sections, notes);
        TableAssembler.Result tables = template.tables().isEmpty() ? null
                : new TableAssembler(detector.matcher(template), vocabulary).assemble(regions);
        List<CellReading> cells = tables == null ? List.of() : tables.cells();
        List<Unplaced> unplaced = tables == null ? List.of() : tables.unplaced();
        boolean anyTable = tables != null && tables.tables().values().stream().anyMatch(t -> t.rowsRecognised > 0);

        if (!anyTable && title.year() == null && sections.headings().isEmpty() && !mentionsReport(lines)) {
            throw new ImportException("This does not look like an annual report on government information disclosure "
                    + "(政府信息公开工作年度报告): there is no report title, no section heading such as 一、总体情况 "
                    + "and no report table in it.");
        }
        if (tables != null) {
            notes.addAll(tables.notes());
        }
        noteTextOnly(template, anyTable, title.year(), sections, notes);
        noteHybrid(template, anyTable, title.year(), notes);

        Set<Integer> tableLines = tables == null ? Set.of() : tables.tableLines();
        List<ProseFigure> figures = proseReader.read(lines, tableLines);
        if (!figures.isEmpty() && !anyTable) {
            notes.add("%d figure(s) read from the text are listed as prose figures; they are not table cells"
                    .formatted(figures.size()));
        }
        Diagnostics diagnostics = new Diagnostics(findings(tables), cells, unplaced, figures, notes);
        return new ImportResult(SubmissionBuilder.build(template, title.publishedOn(), sections.texts(), cells),
                template.id(), title.agency(), title.year(), diagnostics);
    }

    /** By the table headers; without telling headers, by the report year. */
    private Template chooseTemplate(List<CellRow> rows, Integer year, SectionFinder.Sections sections,
                                    List<String> notes) {
        Optional<TemplateDetector.Detection> detection = detector.fromTables(rows, year);
        if (detection.isPresent()) {
            notes.add("template %s detected from the table headers: %s".formatted(detection.get().template().id(),
                    String.join(", ", detection.get().evidence())));
            return detection.get().template();
        }
        if (detector.anyRowLabel(rows)) {
            Template byYear = detector.forYear(year);
            Template chosen = byYear.tables().isEmpty() ? withTablesFor(year) : byYear;
            notes.add("template %s chosen by the report year: the table headers do not tell GOV_2019 from GOV_2021"
                    .formatted(chosen.id()));
            return chosen;
        }
        if (year == null) {
            Template chosen = sections.hasNationalHeadings() ? detector.forYear(null)
                    : detector.withoutTables().orElseGet(() -> detector.forYear(null));
            notes.add("no report year and no tables found: template %s".formatted(chosen.id()));
            return chosen;
        }
        return detector.forYear(year);
    }

    private Template withTablesFor(Integer year) {
        return catalog.templates().stream().filter(t -> !t.tables().isEmpty())
                .filter(t -> year == null || t.years().from() == null || t.years().from() <= year)
                .reduce((a, b) -> b)
                .orElseGet(() -> catalog.templates().stream().filter(t -> !t.tables().isEmpty()).findFirst()
                        .orElseThrow());
    }

    private void noteTextOnly(Template template, boolean anyTable, Integer year, SectionFinder.Sections sections,
                              List<String> notes) {
        if (anyTable) {
            return;
        }
        if (template.tables().isEmpty()) {
            notes.add("text only: %s has no tables (report year %s, before the national table format of 2019)"
                    .formatted(template.id(), year == null ? "unknown" : year));
        } else if (sections.hasNationalHeadings()) {
            notes.add("text only: the report has the section headings of %s but its tables are missing; no cell was read"
                    .formatted(template.id()));
        } else {
            notes.add("text only: no report table found; no cell was read");
        }
    }

    private static void noteHybrid(Template template, boolean anyTable, Integer year, List<String> notes) {
        if (anyTable && year != null && !template.intendedFor(year)) {
            notes.add("template hybrid: %s tables in a %d report (%s is meant for report years %s)".formatted(
                    template.id(), year, template.id(), template.years().describe()));
        }
    }

    private static boolean mentionsReport(List<SourceLine> lines) {
        return lines.stream().anyMatch(l -> REPORT_WORDS.stream().anyMatch(l.text()::contains));
    }

    /** One finding per numeric section of the catalog, found or not. */
    private List<TableFinding> findings(TableAssembler.Result tables) {
        List<TableFinding> findings = new ArrayList<>();
        for (Section section : catalog.sections()) {
            if (section.text()) {
                continue;
            }
            TableAssembler.TableStats stats = tables == null ? null : tables.tables().get(section.code());
            if (stats == null || stats.rowsRecognised == 0) {
                findings.add(new TableFinding(section.code(), false, TableLayout.NONE, null, 0));
            } else {
                findings.add(new TableFinding(section.code(), true, stats.layout(), stats.firstLine, stats.cellsRead));
            }
        }
        return findings;
    }
}

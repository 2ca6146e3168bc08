package org.nianbao.importer;

import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.TemplateYearCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>
 * The work of an import is bounded by {@link ImportLimits}: it is proportional to the input, which may be at most
 * {@code maxBytes} and {@code maxLines}; tables beyond the limits stop the import with an {@link ImportLimitException}, and so does the
 * timeout, checked in the loops over lines, rows and cells. The diagnostics list at most {@code maxListed} entries of
 * each kind and count the rest.
 * Thread-safe: an instance can serve concurrent imports.
 */
public final class ReportImporter {

    private static final int MAX_EVIDENCE = 12;
    private static final List<String> REPORT_WORDS = List.of("年度报告", "工作报告", "年报");

    private final TemplateCatalog catalog;
    private final Vocabulary vocabulary;
    private final TemplateDetector detector;
    private final SectionFinder sectionFinder;
    private final TitleReader titleReader;
    private final CellTokenizer tokenizer;
    private final ProseFigureReader proseReader;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final HeadingBreaker headingBreaker;
    private final RuleEngine ruleEngine;
    private final ImportLimits limits;

    public ReportImporter(TemplateCatalog catalog) {
        this(catalog, ImportLimits.defaults());
    }

    public ReportImporter(TemplateCatalog catalog, ImportLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
        this.vocabulary = Vocabulary.standard();
        this.ruleEngine = new RuleEngine(catalog);
        this.detector = new TemplateDetector(catalog, vocabulary);
        this.sectionFinder = new SectionFinder(catalog, vocabulary);
        this.titleReader = new TitleReader(vocabulary);
        List<String> sectionLabels = new ArrayList<>();
        for (Section section : catalog.sections()) {
            sectionLabels.add(section.label());
            sectionLabels.addAll(vocabulary.sectionAliases().getOrDefault(section.code(), List.of()));
        }
        this.headingBreaker = new HeadingBreaker(sectionLabels);
        this.tokenizer = new CellTokenizer(vocabulary, new LabelDictionary(detector.allKeys()));
        this.proseReader = new ProseFigureReader(vocabulary);
    }

    /** Imports a report published as plain text (copied from a web page, one of the layouts of {@link TableLayout}). */
    public ImportResult importText(String text) {
        if (text == null || text.isBlank()) {
            throw new ImportException("The text is empty: there is nothing to import.");
        }
        checkSize(text, "text");
        Deadline deadline = Deadline.after(limits.timeout());
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        checkLines(withoutBom);
        return read(TextNormalizer.splitLines(withoutBom), deadline);
    }

    /** Imports a report page: the markup is stripped and each {@code <table>} read as a grid (rowspan, colspan). */
    public ImportResult importHtml(String html) {
        if (html == null || html.isBlank()) {
            throw new ImportException("The HTML is empty: there is nothing to import.");
        }
        checkSize(html, "page");
        Deadline deadline = Deadline.after(limits.timeout());
        List<SourceLine> lines = new HtmlReader(limits, deadline).read(html);
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            throw new ImportException("The HTML page has no text: there is nothing to import.");
        }
        return read(lines, deadline);
    }

    private void checkSize(String input, String what) {
        long bytes = utf8Length(input);
        if (bytes > limits.maxBytes()) {
            throw new ImportLimitException(ImportLimits.Limit.BYTES, "The %s has %,d bytes; at most %,d are read. A "
                    + "report is far smaller: send the report alone (its text or its own page), or split the document.",
                    what, bytes, limits.maxBytes());
        }
    }

    /** Counted before the text is split: a line becomes an object, and this bounds their number. */
    private void checkLines(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        if (lines > limits.maxLines()) {
            throw new ImportLimitException(ImportLimits.Limit.LINES, "The text has %,d lines; at most %,d are read. A "
                    + "report has far fewer: send the report alone, or split the document.", lines, limits.maxLines());
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The rule warnings (R1–R4, and T1 for a template outside its years) the service will store with the import. */
    public List<RuleWarning> ruleWarnings(ImportResult result) {
        Template template = catalog.find(result.template()).orElseThrow();
        List<RuleWarning> warnings = new ArrayList<>(ruleEngine.check(template, result.cells(), null));
        if (result.year() != null) {
            warnings.addAll(TemplateYearCheck.templateYearWarnings(template, result.year()));
        }
        return warnings;
    }

    private ImportResult read(List<SourceLine> input, Deadline deadline) {
        TextNormalizer.Normalized normalized = normalizer.normalize(input, deadline);
        List<SourceLine> lines = headingBreaker.apply(normalized.lines(), deadline);
        CappedList<String> notes = new CappedList<>(limits.maxListed());
        notes.addAll(normalized.notes());

        SectionFinder.Sections sections = sectionFinder.find(lines, deadline);
        TitleReader.Title title = titleReader.read(lines, deadline);
        notes.addAll(title.notes());
        notes.addAll(sections.notes());

        List<List<CellRow>> regions = new ArrayList<>();
        for (SectionFinder.Region region : sections.numericRegions()) {
            regions.add(tokenizer.tokenize(lines.subList(region.from(), region.to()), limits, deadline));
        }
        List<CellRow> allRows = regions.stream().flatMap(List::stream).toList();

        Template template = chooseTemplate(allRows, title.year(), sections, notes);
        TableAssembler.Result tables = template.tables().isEmpty() ? null
                : new TableAssembler(detector.matcher(template), detector.otherMatchers(template),
                        new Identities(ruleEngine, template), vocabulary,
                        limits.maxListed(), deadline)
                .assemble(regions);
        List<CellReading> cells = tables == null ? List.of() : tables.cells();
        CappedList<Unplaced> unplaced = tables == null ? new CappedList<>(0) : tables.unplaced();
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
        CappedList<ProseFigure> figures = proseReader.read(lines, tableLines, limits.maxListed(), deadline);
        if (!figures.isEmpty() && !anyTable) {
            notes.add("%d figure(s) read from the text are listed as prose figures; they are not table cells"
                    .formatted(figures.total()));
        }
        Diagnostics diagnostics = new Diagnostics(findings(tables, template, cells), cells, unplaced.items(), figures.items(),
                notes.items(), new Diagnostics.LeftOut(unplaced.leftOut(), figures.leftOut(), notes.leftOut()));
        return new ImportResult(SubmissionBuilder.build(template, title.publishedOn(), sections.texts(), cells),
                template.id(), title.agency(), title.year(), diagnostics);
    }

    /** By the table headers; without telling headers, by the report year. */
    private Template chooseTemplate(List<CellRow> rows, Integer year, SectionFinder.Sections sections,
                                    CappedList<String> notes) {
        Optional<TemplateDetector.Detection> detection = detector.fromTables(rows, year);
        if (detection.isPresent()) {
            List<String> evidence = detection.get().evidence();
            // the evidence is every spelling of a telling label: listed up to a few, so a note stays a line
            notes.add("template %s detected from the table headers: %s%s".formatted(detection.get().template().id(),
                    String.join(", ", evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE))),
                    evidence.size() > MAX_EVIDENCE ? " and %d more".formatted(evidence.size() - MAX_EVIDENCE) : ""));
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
                              CappedList<String> notes) {
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

    private static void noteHybrid(Template template, boolean anyTable, Integer year, CappedList<String> notes) {
        if (anyTable && year != null && !template.intendedFor(year)) {
            notes.add("template hybrid: %s tables in a %d report (%s is meant for report years %s)".formatted(
                    template.id(), year, template.id(), template.years().describe()));
        }
    }

    private static boolean mentionsReport(List<SourceLine> lines) {
        return lines.stream().anyMatch(l -> REPORT_WORDS.stream().anyMatch(l.text()::contains));
    }

    /**
     * One finding per numeric section of the catalog, found or not; a table read is checked against its own
     * identities.
     */
    private List<TableFinding> findings(TableAssembler.Result tables, Template template, List<CellReading> cells) {
        Map<String, java.math.BigDecimal> values = new java.util.HashMap<>();
        cells.stream().filter(c -> c.value() != null).forEach(c -> values.put(c.code(), c.value()));
        List<RuleWarning> warnings = template.tables().isEmpty() ? List.of() : ruleEngine.check(template, values, null);
        List<TableFinding> findings = new ArrayList<>();
        for (Section section : catalog.sections()) {
            if (section.text()) {
                continue;
            }
            TableAssembler.TableStats stats = tables == null ? null : tables.tables().get(section.code());
            if (stats == null || stats.rowsRecognised == 0) {
                findings.add(TableFinding.notFound(section.code()));
                continue;
            }
            String prefix = section.code() + ".";
            java.util.SortedSet<String> disagreeing = new java.util.TreeSet<>();
            warnings.stream().filter(w -> w.cells().stream().allMatch(c -> c.startsWith(prefix)))
                    .forEach(w -> disagreeing.addAll(w.cells()));
            boolean anyValue = values.keySet().stream().anyMatch(c -> c.startsWith(prefix));
            findings.add(new TableFinding(section.code(), true, stats.layout(), stats.firstLine, stats.cellsRead,
                    anyValue ? disagreeing.isEmpty() : null, List.copyOf(disagreeing)));
        }
        return findings;
    }
}

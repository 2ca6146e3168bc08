package org.nianbao.importer.document;

import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;

import java.util.List;
import java.util.Optional;

/**
 * A document turned into what the importer reads: HTML (formats with real table structure: Word, Excel, HTML pages)
 * or text whose table rows have their cells separated by tabs (PDF, .doc, plain text).
 *
 * @param format  the format the bytes were read as
 * @param kind    whether {@code content} goes to {@link ReportImporter#importHtml} or {@link ReportImporter#importText}
 * @param content the HTML or text
 * @param charset the charset the bytes were decoded with (HTML and text files), else null
 * @param pages   for a PDF, the line of {@code content} (1-based) where each page starts; empty for other formats
 * @param notes   what the reader did that the sender should know (a declared charset that did not fit, …)
 */
public record ReadDocument(DocumentFormat format, Kind kind, String content, String charset, List<PageStart> pages,
                           List<String> notes) {

    public enum Kind { HTML, TEXT }

    /** Page {@code page} (1-based) starts at line {@code firstLine} (1-based) of the content. */
    public record PageStart(int page, int firstLine) {
    }

    public ReadDocument {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }

    /** The page a line of the content comes from (for "page 3" in diagnostics); empty when the format has no pages. */
    public Optional<Integer> pageOfLine(int line) {
        Integer page = null;
        for (PageStart start : pages) {
            if (start.firstLine() <= line) {
                page = start.page();
            }
        }
        return Optional.ofNullable(page);
    }

    /** Hands the content to the importer by its kind; for a PDF, each cell's diagnostics also name its page. */
    public ImportResult importWith(ReportImporter importer) {
        ImportResult result = kind == Kind.HTML ? importer.importHtml(content) : importer.importText(content);
        return pages.isEmpty() ? result : result.withDiagnostics(result.diagnostics().withPages(this::pageOfLine));
    }
}

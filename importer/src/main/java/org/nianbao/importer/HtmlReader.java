package org.nianbao.importer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a report page into lines: each block (paragraph, heading, list item, line break) becomes a line of text and
 * each row of a data table a line with its grid cells. A table that holds other tables is page layout, not data: its
 * cells are read as blocks. Scripts, styles and forms are dropped.
 */
final class HtmlReader {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "tr", "td", "th",
            "table", "tbody", "thead", "tfoot", "caption", "center", "hr", "main", "nav", "aside", "form", "address");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "select",
            "option", "button", "input", "textarea", "svg", "head");

    private final ImportLimits limits;
    private final Deadline deadline;

    HtmlReader(ImportLimits limits, Deadline deadline) {
        this.limits = limits;
        this.deadline = deadline;
    }

    List<SourceLine> read(String html) {
        Document document = Jsoup.parse(html);
        deadline.check();
        // counted first: each table is searched for tables nested in it, a search that can cost the page's size
        int tables = document.getElementsByTag("table").size();
        if (tables > limits.maxTables()) {
            throw new ImportLimitException(ImportLimits.Limit.TABLES, "The page has %,d tables; at most %,d are read. "
                    + "A report page has a few: send the report's own page, or split the document.",
                    tables, limits.maxTables());
        }
        Lines lines = new Lines(limits.maxLines());
        String title = document.title();
        if (!title.isBlank()) {
            lines.add(title);
        }
        NodeTraversor.filter(new Walker(lines, limits, deadline), document.body());
        lines.breakLine();
        return lines.lines;
    }

    /** Collects lines; text accumulates until a block boundary. */
    private static final class Lines {
        final List<SourceLine> lines = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        final int maxLines;
        int tables;

        Lines(int maxLines) {
            this.maxLines = maxLines;
        }

        void text(String text) {
            current.append(text);
        }

        void breakLine() {
            String text = SPACES.matcher(current).replaceAll(" ").strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                add(text);
            }
        }

        void add(String text) {
            checkRoom();
            lines.add(SourceLine.text(lines.size() + 1, text));
        }

        void addRow(String text, List<SourceLine.GridCell> cells, int table) {
            checkRoom();
            lines.add(new SourceLine(lines.size() + 1, text, cells, table));
        }

        private void checkRoom() {
            if (lines.size() == maxLines) {
                throw new ImportLimitException(ImportLimits.Limit.LINES, "The page makes more than %,d lines of text "
                        + "and table rows; at most %,d are read. A report page has far fewer: send the report's own "
                        + "page, or split the document.", maxLines, maxLines);
            }
        }
    }

    private record Walker(Lines lines, ImportLimits limits, Deadline deadline) implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            deadline.check();
            if (node instanceof TextNode text) {
                lines.text(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (DROPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (name.equals("br")) {
                lines.breakLine();
                return FilterResult.CONTINUE;
            }
            // a table with no table inside (getElementsByTag counts the element itself) holds data
            if (name.equals("table") && element.getElementsByTag("table").size() == 1) {
                lines.breakLine();
                addTable(element);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCKS.contains(name)) {
                lines.breakLine();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                lines.breakLine();
            }
            return FilterResult.CONTINUE;
        }

        private void addTable(Element table) {
            int id = ++lines.tables;
            HtmlTableGrid grid = HtmlTableGrid.of(table, id, limits, deadline);
            for (int row = 0; row < grid.height(); row++) {
                List<SourceLine.GridCell> cells = grid.startingIn(row).stream()
                        .map(c -> new SourceLine.GridCell(c.text(), c.column(), c.column() + c.colspan()))
                        .toList();
                if (cells.isEmpty()) {
                    continue;
                }
                String text = String.join("\t", cells.stream().map(SourceLine.GridCell::text).toList());
                lines.addRow(text, cells, id);
            }
        }
    }
}

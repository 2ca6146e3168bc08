package org.nianbao.importer.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text layer of a PDF, with table cells told apart by where the characters stand: characters are grouped into
 * lines by baseline, and a line is split into cells where the gap between two characters is wide compared with the
 * font size; cells are written tab-separated, which is how the importer reads table rows. Page breaks are kept (each
 * page starts on a new line and its first line is recorded), so a table split across pages reads on.
 */
final class PdfTableText {

    /**
     * A gap wider than this many font sizes separates two cells. Words inside a cell are at most a space apart
     * (about a third of the font size, a full width in justified CJK text); table columns stand several
     * font sizes apart, even the narrow number columns of table 三.
     */
    static final double CELL_GAP = 1.2;
    /** A gap wider than this many font sizes, but not a cell gap, is a space inside a cell ("2024 年"). */
    private static final double WORD_GAP = 0.15;
    /** Characters whose baselines differ by less than this many font sizes are on one line. */
    private static final double SAME_LINE = 0.4;

    /**
     * The lines of a wrapped row label stand about one line height (1.2-1.5 font sizes) apart, the row's values
     * between them; a label line farther than this many font sizes from the values belongs to another row.
     */
    private static final double WRAPPED_LABEL_DISTANCE = 1.5;

    private final DocumentLimits limits;

    PdfTableText(DocumentLimits limits) {
        this.limits = limits;
    }

    ReadDocument read(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The PDF has " + pages
                        + " pages; at most " + limits.maxPages() + " are read. Send the report alone.");
            }
            new PdfStreamBombCheck(limits.maxPartBytes()).check(document);
            Collector collector = new Collector(limits.maxCharacters());
            collector.getText(document);
            if (collector.text.toString().isBlank()) {
                throw new DocumentException(DocumentException.Reason.NO_TEXT_LAYER, "This PDF has no text layer (a"
                        + " scanned image?); OCR it or send the text of the report.");
            }
            return new ReadDocument(DocumentFormat.PDF, ReadDocument.Kind.TEXT, collector.text.toString(), null,
                    collector.pageStarts, List.of());
        } catch (InvalidPasswordException e) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The PDF is protected by a password; send it without the password.", e);
        } catch (IOException e) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The PDF cannot be read (" + e.getMessage() + "); send it again or send the text.", e);
        }
    }

    /** Receives the characters of each page from PDFBox and lays them out itself at the page's end. */
    private static final class Collector extends PDFTextStripper {

        private final int maxCharacters;
        private final StringBuilder text = new StringBuilder();
        private final List<ReadDocument.PageStart> pageStarts = new ArrayList<>();
        private final List<TextPosition> glyphs = new ArrayList<>();
        private int lines;
        private int page;

        Collector(int maxCharacters) {
            this.maxCharacters = maxCharacters;
        }

        @Override
        protected void startPage(PDPage pdPage) {
            glyphs.clear();
            page++;
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            // not handed on: PDFTextStripper's own layout joins table cells with single spaces
            if (!glyph.getUnicode().isBlank()) {
                glyphs.add(glyph);
            }
        }

        @Override
        protected void endPage(PDPage pdPage) {
            List<String> pageLines = layOut(glyphs);
            pageStarts.add(new ReadDocument.PageStart(page, lines + 1));
            for (String line : pageLines) {
                text.append(line).append('\n');
                lines++;
            }
            if (text.length() > maxCharacters) {
                throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The PDF holds more than "
                        + maxCharacters + " characters of text; send the report alone.");
            }
        }
    }

    static List<String> layOut(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> grouped = new ArrayList<>();
        List<TextPosition> current = null;
        float baseline = 0;
        for (TextPosition glyph : sorted) {
            if (current == null || glyph.getYDirAdj() - baseline > SAME_LINE * fontSize(glyph)) {
                current = new ArrayList<>();
                grouped.add(current);
                baseline = glyph.getYDirAdj();
            }
            current.add(glyph);
        }
        return joinWrappedLabels(grouped.stream().map(Line::new).toList());
    }

    /**
     * A row label wrapped over two lines in its cell puts the row's numbers, centred in the row, on a line of their
     * own between the label's lines. Such a line of values takes the label lines just above and below it, when they
     * stand left of the values and closer than a line height, so that the row reads "label ⇥ values" again.
     */
    private static List<String> joinWrappedLabels(List<Line> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean[] taken = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Line line = lines.get(i);
            if (!line.valuesOnly()) {
                out.add(line.text);
                continue;
            }
            String label = "";
            if (i > 0 && !taken[i - 1] && lines.get(i - 1).labelOf(line) && !out.isEmpty()) {
                label = out.remove(out.size() - 1);
                taken[i - 1] = true;
            }
            if (i + 1 < lines.size() && lines.get(i + 1).labelOf(line)) {
                label += lines.get(i + 1).text;
                taken[i + 1] = true;
            }
            out.add(label.isEmpty() ? line.text : label + "\t" + line.text);
        }
        return out;
    }

    /** The glyphs of one printed line, sorted left to right, and its text with cells tab-separated. */
    private static final class Line {

        private static final Pattern VALUES =
                Pattern.compile("[0-9０-９.,，%\\-－—/／无]+(\t[0-9０-９.,，%\\-－—/／无]+)*");

        private final List<TextPosition> glyphs;
        private final String text;

        Line(List<TextPosition> glyphs) {
            this.glyphs = glyphs;
            this.text = cells(glyphs);
        }

        boolean valuesOnly() {
            return VALUES.matcher(text).matches();
        }

        /** Whether this line is one line of the wrapped row label of the values line {@code values}. */
        boolean labelOf(Line values) {
            if (text.indexOf('\t') >= 0 || valuesOnly()) {
                return false;
            }
            TextPosition last = glyphs.get(glyphs.size() - 1);
            TextPosition first = values.glyphs.get(0);
            float size = fontSize(first);
            // the label's line may run up to its cell's edge, nearer the values than a cell gap
            return last.getXDirAdj() + last.getWidthDirAdj() < first.getXDirAdj() - 0.5 * size
                    && Math.abs(glyphs.get(0).getYDirAdj() - first.getYDirAdj()) <= WRAPPED_LABEL_DISTANCE * size;
        }
    }

    private static String cells(List<TextPosition> line) {
        line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        StringBuilder out = new StringBuilder();
        TextPosition previous = null;
        for (TextPosition glyph : line) {
            if (previous != null) {
                float gap = glyph.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                float size = Math.max(fontSize(glyph), fontSize(previous));
                if (gap < 0 && glyph.getUnicode().equals(previous.getUnicode())
                        && Math.abs(glyph.getXDirAdj() - previous.getXDirAdj()) < 0.2 * size) {
                    continue;   // the same character printed twice over itself (fake bold)
                }
                if (gap > CELL_GAP * size) {
                    out.append('\t');
                } else if (gap > WORD_GAP * size) {
                    out.append(' ');
                }
            }
            out.append(glyph.getUnicode());
            previous = glyph;
        }
        return out.toString();
    }

    /** The font size as printed; the text matrix can scale a font of size 1, so the glyph height is the fallback. */
    private static float fontSize(TextPosition glyph) {
        float size = glyph.getFontSizeInPt();
        return size > 1.5f ? size : Math.max(glyph.getHeightDir(), 1f);
    }
}

package org.nianbao.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the section headings of a report flattened onto one line (a crawler's page text) onto lines of their own, so
 * that the sections can be found: {@code …依法履职。 二、主动公开政府信息情况第二十条第（一）项…} becomes three lines. Only a
 * section label with its numbering (二、) is a heading; the same words in a sentence are left alone.
 */
final class HeadingBreaker {

    /** Lines this short are a heading or a cell already. */
    private static final int MIN_LENGTH = 40;

    private final Pattern headings;

    HeadingBreaker(List<String> sectionLabels) {
        List<String> alternatives = sectionLabels.stream().filter(l -> !l.isBlank())
                .sorted((a, b) -> b.length() - a.length()).map(HeadingBreaker::anyConnector).toList();
        this.headings = Pattern.compile("[一二三四五六七八九十]{1,2}\\s*[、.．]\\s*(?:" + String.join("|", alternatives) + ")");
    }

    /** The label as a pattern in which 、, 与, 和 and 及 stand for each other (see {@link SectionFinder}). */
    private static String anyConnector(String label) {
        StringBuilder pattern = new StringBuilder();
        for (String part : SectionFinder.CONNECTORS.split(label, -1)) {
            if (!pattern.isEmpty()) {
                pattern.append("[、与和及]");
            }
            pattern.append(Pattern.quote(part));
        }
        return pattern.toString();
    }

    List<SourceLine> apply(List<SourceLine> lines, Deadline deadline) {
        List<SourceLine> out = new ArrayList<>(lines.size());
        for (SourceLine line : lines) {
            deadline.check();
            if (line.htmlRow() || line.text().length() < MIN_LENGTH) {
                out.add(line);
                continue;
            }
            Matcher m = headings.matcher(line.text());
            int from = 0;
            while (m.find()) {
                add(out, line, line.text().substring(from, m.start()));
                add(out, line, m.group());
                from = m.end();
            }
            if (from == 0) {
                out.add(line);
            } else {
                add(out, line, line.text().substring(from));
            }
        }
        return out;
    }

    private static void add(List<SourceLine> out, SourceLine line, String piece) {
        if (!piece.isBlank()) {
            out.add(SourceLine.text(line.number(), piece.strip()));
        }
    }
}

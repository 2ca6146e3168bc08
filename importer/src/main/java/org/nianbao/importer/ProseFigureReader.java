package org.nianbao.importer;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures out of sentences: 主动公开政府信息1106条, 共办理依申请公开事项19件, 接受行政复议11起. The label is the
 * vocabulary's topic the phrase mentions (主动公开政府信息, 依申请公开事项, 行政复议), else the words just before the
 * number. These figures are reported for a reader to compare with the tables and never become table cells.
 */
final class ProseFigureReader {

    /** Words that start or end the phrase before a number without saying what is counted. */
    private static final Pattern LEADING = Pattern.compile("^(?:(?:19|20)\\d{2}年度?|其中|共计|共|累计|全年|本年度|本年|今年|全局)+");
    /** Words that end a phrase before its number; cut in a loop, longest first (an end-anchored regex is quadratic). */
    private static final List<String> TRAILING = List.of("共计", "累计", "达到", "超过", "共", "达", "为", "约", "了", "计");
    /** A phrase ends at punctuation. */
    private static final Pattern PHRASE_BREAK = Pattern.compile("[，,。；;：:、！？!?（）()《》“”\"【】\\[\\]]");
    private static final int MAX_LABEL = 16;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<String> topics;
    private final Pattern figure;

    ProseFigureReader(Vocabulary vocabulary) {
        this.topics = vocabulary.proseTopics().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        String units = String.join("|", Vocabulary.longestFirst(vocabulary.proseUnits()).stream()
                .map(Pattern::quote).toList());
        // at most 18 digits: a longer run is no figure, and reading it as a number would cost the square of its length
        this.figure = Pattern.compile("(?<![\\d.])(\\d{1,18}(?:\\.\\d{1,10})?)\\s*(" + units + ")");
    }

    /** Figures in the lines that are not part of a table. */
    CappedList<ProseFigure> read(List<SourceLine> lines, Set<Integer> tableLines, int maxListed, Deadline deadline) {
        CappedList<ProseFigure> figures = new CappedList<>(maxListed);
        for (SourceLine line : lines) {
            deadline.check();
            if (line.htmlRow() || tableLines.contains(line.number()) || LayoutDetector.isTabRow(line)) {
                continue;
            }
            String text = line.text();
            Matcher m = figure.matcher(text);
            int phraseStart = 0;
            while (m.find()) {
                String before = text.substring(phraseStart, m.start());
                int cut = lastBreak(before);
                String phrase = before.substring(cut + 1).strip();
                String label = label(phrase);
                if (label != null) {
                    String source = (phrase + text.substring(m.start(), m.end())).strip();
                    figures.add(new ProseFigure(label, new BigDecimal(m.group(1)), m.group(2), source, line.number()));
                }
                phraseStart = m.end();
            }
        }
        return figures;
    }

    private static int lastBreak(String text) {
        Matcher m = PHRASE_BREAK.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static String withoutTrailingWords(String phrase) {
        String words = phrase;
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String trailing : TRAILING) {
                if (words.endsWith(trailing)) {
                    words = words.substring(0, words.length() - trailing.length());
                    cut = true;
                    break;
                }
            }
        }
        return words;
    }

    /** What the phrase counts: a known topic it mentions, else its last words; null if it names nothing. */
    private String label(String phrase) {
        String compact = SPACES.matcher(phrase).replaceAll("");
        for (String topic : topics) {
            if (compact.contains(topic)) {
                return topic;
            }
        }
        String words = withoutTrailingWords(LEADING.matcher(compact).replaceFirst(""));
        if (words.length() > MAX_LABEL) {
            words = words.substring(words.length() - MAX_LABEL);
        }
        return words.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? words : null;
    }
}

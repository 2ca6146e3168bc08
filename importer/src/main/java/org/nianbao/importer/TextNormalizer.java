package org.nianbao.importer;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings text in traditional characters to the simplified characters of the catalog. Some sites publish reports in
 * traditional characters with the pinyin of a character in parentheses after it (岳陽樓區(qū)教育局): the annotations
 * are removed first, then the text is converted phrase by phrase (opencc4j). Text that is already simplified is left
 * as it is: a simplified text can contain a few characters that are also traditional forms (著, 乾), which a blind
 * conversion would change.
 */
final class TextNormalizer {

    /** A pinyin syllable with a tone mark, in parentheses, right after a Chinese character. */
    private static final Pattern PINYIN_ANNOTATION =
            Pattern.compile("(?<=\\p{IsHan})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /** Convert when at least this many characters, and this share of the Chinese characters, are traditional. */
    private static final int MIN_TRADITIONAL = 5;
    private static final double MIN_TRADITIONAL_SHARE = 0.02;

    /** The lines of the text, and what was changed. */
    record Normalized(List<SourceLine> lines, List<String> notes) {
    }

    Normalized normalize(List<SourceLine> lines, Deadline deadline) {
        List<String> notes = new ArrayList<>();
        int annotations = 0;
        List<SourceLine> stripped = new ArrayList<>(lines.size());
        StringBuilder all = new StringBuilder();
        for (SourceLine line : lines) {
            deadline.check();
            SourceLine without = line;
            if (mayHaveAnnotation(line)) {
                Matcher m = PINYIN_ANNOTATION.matcher(line.text());
                while (m.find()) {
                    annotations++;
                }
                without = map(line, TextNormalizer::stripPinyin);
            }
            stripped.add(without);
            all.append(without.text()).append('\n');
        }
        if (annotations > 0) {
            notes.add("removed %d pinyin annotation(s) such as 區(qū) after characters".formatted(annotations));
        }
        if (!mostlyTraditional(all)) {
            return new Normalized(stripped, notes);
        }
        List<SourceLine> converted = new ArrayList<>(stripped.size());
        for (SourceLine line : stripped) {
            deadline.check();
            converted.add(map(line, TextNormalizer::toSimplified));
        }
        notes.add("traditional characters converted to simplified");
        return new Normalized(converted, notes);
    }

    static List<SourceLine> splitLines(String text) {
        String[] parts = LINE_BREAK.split(text, -1);
        List<SourceLine> lines = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            lines.add(SourceLine.text(i + 1, parts[i]));
        }
        return lines;
    }

    /** Only a line with an opening parenthesis can hold an annotation; most lines are passed over at once. */
    private static boolean mayHaveAnnotation(SourceLine line) {
        if (hasParenthesis(line.text())) {
            return true;
        }
        return line.cells() != null && line.cells().stream().anyMatch(c -> hasParenthesis(c.text()));
    }

    private static boolean hasParenthesis(String text) {
        return text.indexOf('(') >= 0 || text.indexOf('（') >= 0;
    }

    private static SourceLine map(SourceLine line, UnaryOperator<String> f) {
        List<SourceLine.GridCell> cells = line.cells() == null ? null : line.cells().stream()
                .map(c -> new SourceLine.GridCell(f.apply(c.text()), c.colStart(), c.colEnd()))
                .toList();
        return new SourceLine(line.number(), f.apply(line.text()), cells, line.table());
    }

    private static String stripPinyin(String text) {
        return PINYIN_ANNOTATION.matcher(text).replaceAll("");
    }

    private static String toSimplified(String text) {
        return text.isEmpty() ? text : ZhConverterUtil.toSimple(text);
    }

    private static boolean mostlyTraditional(CharSequence text) {
        int han = 0;
        int traditional = 0;
        Map<Integer, Boolean> isTraditional = new HashMap<>();
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                continue;
            }
            han++;
            if (isTraditional.computeIfAbsent(cp, c -> {
                String ch = new String(Character.toChars(c));
                return !ZhConverterUtil.toSimple(ch).equals(ch);
            })) {
                traditional++;
            }
        }
        return traditional >= MIN_TRADITIONAL && traditional >= han * MIN_TRADITIONAL_SHARE;
    }
}

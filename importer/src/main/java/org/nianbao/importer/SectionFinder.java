package org.nianbao.importer;

import org.nianbao.model.template.Section;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.SubmissionParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the six section headings (一、总体情况 … 六、其他需要报告的事项) by the catalog's section labels and the
 * vocabulary's older spellings, and cuts the text into the three text sections and the regions where the tables are.
 * <p>
 * Table rows such as 三、本年度办理结果 or 四、结转下年度继续办理 look like headings but carry no section label, so they
 * never end a section. Sub-headings in parentheses (（一）主动公开政府信息情况 inside 总体情况) are not section headings.
 */
final class SectionFinder {

    /** Heading numbering: 二、 / 二. / a lone 、 where a page lost the numeral. Not (二): that is a sub-heading. */
    private static final Pattern HEADING_NUMBER = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}[、.]|、)");
    /** Any top-level heading (二、…), used to end a text section even when its label is unknown (older reports). */
    private static final Pattern TOP_LEVEL = Pattern.compile("^\\s*(?:[一二三四五六七八九十]{1,3}、|、)\\S");
    private static final int MAX_HEADING_LENGTH = 40;
    /** Words that join the two halves of a heading, written differently from report to report. */
    static final Pattern CONNECTORS = Pattern.compile("[、与和及]");
    private static final List<String> TEXT_SECTIONS = List.of("overview", "problems", "otherMatters");

    /** Lines {@code [from, to)} of the input (0-based indexes). */
    record Region(String section, int from, int to) {
    }

    record Sections(Map<String, Integer> headings, Map<String, String> texts, List<Region> numericRegions,
                    List<String> notes) {

        boolean hasNationalHeadings() {
            return headings.containsKey("activeDisclosure") || headings.containsKey("requests")
                    || headings.containsKey("reviewLitigation");
        }
    }

    private final TemplateCatalog catalog;
    private final Vocabulary vocabulary;
    private final Map<String, String> sectionByKey = new LinkedHashMap<>();

    SectionFinder(TemplateCatalog catalog, Vocabulary vocabulary) {
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        for (Section section : catalog.sections()) {
            sectionByKey.put(headingKey(section.label()), section.code());
            for (String alias : vocabulary.sectionAliases().getOrDefault(section.code(), List.of())) {
                sectionByKey.putIfAbsent(headingKey(alias), section.code());
            }
        }
    }

    /** The section a heading line introduces, if it is one. */
    Optional<String> headingOf(SourceLine line) {
        if (line.htmlRow()) {
            return Optional.empty();
        }
        String text = line.text().strip();
        // every section label is Chinese: a line without a Han character is passed over before it is keyed
        if (text.isEmpty() || text.length() > MAX_HEADING_LENGTH || !hasHan(text)) {
            return Optional.empty();
        }
        String key = LabelKey.of(text);
        key = HEADING_NUMBER.matcher(key).replaceFirst("");
        key = Trim.trailing(key, ".。:");
        return Optional.ofNullable(sectionByKey.get(CONNECTORS.matcher(key).replaceAll("、")));
    }

    /** A section label as compared: 行政复议、行政诉讼 / 行政复议与行政诉讼 / 行政复议和行政诉讼 are one heading. */
    private static String headingKey(String label) {
        return CONNECTORS.matcher(LabelKey.of(label)).replaceAll("、");
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    Sections find(List<SourceLine> lines, Deadline deadline) {
        Map<String, Integer> headings = new LinkedHashMap<>();
        List<Integer> headingIndexes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            deadline.check();
            int index = i;
            headingOf(lines.get(i)).ifPresent(section -> {
                if (headings.putIfAbsent(section, index) == null) {
                    headingIndexes.add(index);
                }
            });
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String section : TEXT_SECTIONS) {
            Integer heading = headings.get(section);
            if (heading == null) {
                continue;
            }
            String text = textAfter(lines, heading, headingIndexes);
            if (text.isEmpty()) {
                continue;
            }
            int length = text.codePointCount(0, text.length());
            if (length > SubmissionParser.MAX_TEXT_LENGTH) {
                text = text.substring(0, text.offsetByCodePoints(0, SubmissionParser.MAX_TEXT_LENGTH));
                notes.add("%s: text cut to %d characters (it had %d)".formatted(section,
                        SubmissionParser.MAX_TEXT_LENGTH, length));
            }
            texts.put(section, text);
        }
        return new Sections(headings, texts, numericRegions(lines, headings, headingIndexes), notes);
    }

    /** The section's lines, up to the next heading of any kind or a page footer. */
    private String textAfter(List<SourceLine> lines, int heading, List<Integer> headingIndexes) {
        StringBuilder text = new StringBuilder();
        for (int i = heading + 1; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (headingIndexes.contains(i) || isTopLevelHeading(line) || isFooter(line)) {
                break;
            }
            if (line.htmlRow()) {
                continue;
            }
            String content = Trim.spaces(line.text());
            if (!content.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(content);
            }
        }
        return text.toString();
    }

    private static boolean isTopLevelHeading(SourceLine line) {
        String text = line.text().strip();
        return !line.htmlRow() && text.length() <= MAX_HEADING_LENGTH && TOP_LEVEL.matcher(text).find()
                && !text.endsWith("。");
    }

    private boolean isFooter(SourceLine line) {
        return vocabulary.footerMarkers().stream().anyMatch(line.text()::contains);
    }

    /**
     * Where to look for tables: from each numeric section's heading to the next section heading. Without such
     * headings, between 一 and 五 if those are there, else everywhere.
     */
    private List<Region> numericRegions(List<SourceLine> lines, Map<String, Integer> headings,
                                        List<Integer> headingIndexes) {
        List<Region> regions = new ArrayList<>();
        for (Section section : catalog.sections()) {
            Integer heading = headings.get(section.code());
            if (section.text() || heading == null) {
                continue;
            }
            int end = headingIndexes.stream().filter(i -> i > heading).min(Integer::compare).orElse(lines.size());
            regions.add(new Region(section.code(), heading, end));
        }
        if (!regions.isEmpty()) {
            regions.sort((a, b) -> Integer.compare(a.from(), b.from()));
            return regions;
        }
        Integer overview = headings.get("overview");
        Integer problems = headings.get("problems");
        int from = overview == null ? 0 : overview + 1;
        int to = problems == null || problems < from ? lines.size() : problems;
        return List.of(new Region(null, from, to));
    }
}

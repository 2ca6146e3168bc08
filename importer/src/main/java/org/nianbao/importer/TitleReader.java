package org.nianbao.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agency, the report year and the publication date from the head of the page: the title
 * (延安市教育局2019年度政府信息公开工作报告, 盐池县教育体育局 2020 年 政府信息公开工作年度报告) and a date line
 * (发布时间:2024-01-02, 发文时间:2020-02-04, 时间: 2020-02-04).
 */
final class TitleReader {

    /** Titles are at the top; further down, a year-and-报告 phrase is usually a quotation. */
    private static final int TITLE_LINES = 40;
    private static final int DATE_LINES = 60;
    /**
     * Longer lines are no title or date line. The title patterns have two {@code .*} each: on a long line that repeats
     * 信息公开 they would try every pair of positions.
     */
    private static final int MAX_TITLE_LENGTH = 200;
    private static final int MAX_DATE_LINE_LENGTH = 1_000;

    /** 〈agency〉〈year〉年(度)…信息公开…报告 */
    private static final Pattern AGENCY_FIRST = Pattern.compile(
            "^(?<agency>.{2,40}?)\\s*(?<year>(?:19|20)\\d{2})\\s*年\\s*度?\\s*(?<rest>.*信息公开.*报告)\\s*[。.]?$");
    /** 〈year〉年(度)〈agency〉政府信息公开…报告 */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "^(?<year>(?:19|20)\\d{2})\\s*年\\s*度?\\s*(?<agency>.{2,40}?)\\s*(?<rest>政府信息公开.*报告)\\s*[。.]?$");
    /** 〈year〉年(度)政府信息公开…报告, a title without the agency. */
    private static final Pattern YEAR_ONLY = Pattern.compile(
            "^(?<year>(?:19|20)\\d{2})\\s*年\\s*度?\\s*(?<rest>(?:政府)?信息公开.*报告)\\s*[。.]?$");
    /** 统计期限自2023年1月1日至2023年12月31日, when the title has no year. */
    private static final Pattern PERIOD = Pattern.compile("(?:19|20)\\d{2}(?=年1月1日(?:起)?至)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_WORDS = Pattern.compile("^(?:关于|对)");
    private static final Pattern AGENCY_SHAPE = Pattern.compile("^[\\p{IsHan}（）()·]{2,40}$");

    record Title(String agency, Integer year, LocalDate publishedOn, List<String> notes) {
    }

    private final Vocabulary vocabulary;
    private final Pattern dateLine;

    TitleReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        String labels = String.join("|", vocabulary.publicationDateLabels().stream().map(Pattern::quote).toList());
        this.dateLine = Pattern.compile("(?<label>" + labels + ")\\s*[:：]\\s*(?<y>(?:19|20)\\d{2})\\s*[-/.年]\\s*"
                + "(?<m>\\d{1,2})\\s*[-/.月]\\s*(?<d>\\d{1,2})");
    }

    Title read(List<SourceLine> lines, Deadline deadline) {
        List<String> notes = new ArrayList<>();
        String agency = null;
        Integer year = null;
        for (SourceLine line : lines.subList(0, Math.min(TITLE_LINES, lines.size()))) {
            if (line.htmlRow() || line.text().length() > MAX_TITLE_LENGTH) {
                continue;
            }
            String text = withoutLabelPrefix(line.text().strip());
            Matcher m = firstMatch(text, AGENCY_FIRST, YEAR_FIRST, YEAR_ONLY);
            if (m == null) {
                continue;
            }
            year = Integer.valueOf(m.group("year"));
            agency = m.pattern() == YEAR_ONLY ? null : agencyName(m.group("agency"));
            break;
        }
        if (year == null) {
            year = yearFromPeriod(lines, deadline);
            if (year != null) {
                notes.add("report year %d taken from the reporting period (no title with a year)".formatted(year));
            }
        }
        LocalDate publishedOn = publicationDate(lines);
        if (publishedOn != null && year != null && publishedOn.getYear() > year + 1) {
            notes.add("published on %s, more than a year after the report year %d: check the date".formatted(
                    publishedOn, year));
        }
        return new Title(agency, year, publishedOn, notes);
    }

    private static Matcher firstMatch(String text, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    private String withoutLabelPrefix(String text) {
        for (String prefix : vocabulary.titleLabelPrefixes()) {
            if (text.startsWith(prefix)) {
                String rest = text.substring(prefix.length()).strip();
                if (rest.startsWith(":") || rest.startsWith("：")) {
                    return rest.substring(1).strip();
                }
            }
        }
        return text;
    }

    /** The agency part of a title, or null when it does not look like an agency's name. */
    private static String agencyName(String raw) {
        String name = LEADING_WORDS.matcher(SPACES.matcher(raw).replaceAll("")).replaceFirst("");
        return AGENCY_SHAPE.matcher(name).matches() ? name : null;
    }

    private static Integer yearFromPeriod(List<SourceLine> lines, Deadline deadline) {
        for (SourceLine line : lines) {
            deadline.check();
            if (line.text().indexOf('月') < 0) {
                continue; // no period in it: most lines are passed over without a copy
            }
            Matcher m = PERIOD.matcher(SPACES.matcher(line.text()).replaceAll(""));
            if (m.find()) {
                return Integer.valueOf(m.group());
            }
        }
        return null;
    }

    /** The date after the first label in the vocabulary's order of preference (发布时间 before 时间). */
    private LocalDate publicationDate(List<SourceLine> lines) {
        LocalDate best = null;
        int bestRank = Integer.MAX_VALUE;
        for (SourceLine line : lines.subList(0, Math.min(DATE_LINES, lines.size()))) {
            if (line.text().length() > MAX_DATE_LINE_LENGTH) {
                continue;
            }
            Matcher m = dateLine.matcher(line.text());
            while (m.find()) {
                int rank = vocabulary.publicationDateLabels().indexOf(m.group("label"));
                LocalDate date = date(m.group("y"), m.group("m"), m.group("d"));
                if (date != null && rank < bestRank) {
                    best = date;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException invalid) {
            return null;
        }
    }
}

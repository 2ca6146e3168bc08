package org.nianbao.importer.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agency and year a file name gives, as agencies publish them: {@code 沭阳县发展和改革局2023年政府信息公开年度报告.pdf},
 * {@code 2024年上海市科委政府信息公开工作年度报告.docx}. Used only for what the report's own title does not say. A part
 * the name does not tell plainly is null: a name with two years gives no year, a name without an agency-like word
 * before or after the year gives no agency.
 *
 * @param agencyName the agency's name, or null
 * @param year       the report year, or null
 */
record NameGuess(String agencyName, Integer year) {

    static final NameGuess NONE = new NameGuess(null, null);

    /** A year of the reports' era, not part of a longer number. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[89]\\d|20\\d\\d)(?!\\d)\\s*(年度|年)?");
    /** Where the title's report words start: what follows is not the agency. */
    private static final Pattern REPORT_WORDS = Pattern.compile("(关于)?(政府|政务)?信息公开|年度报告|工作报告|工作年度");
    /** The last character of an agency's name: 局, 委, 办, 政府, 院, 厅, … */
    private static final Pattern AGENCY = Pattern.compile("[\\p{IsHan}（）()]*\\p{IsHan}[\\p{IsHan}（）()]*[局委办府院厅室处所部会心站队署馆司行区县市镇乡]");
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s_\\-—·.、，,]+|[\\s_\\-—·.、，,]+$");

    static NameGuess of(String fileName) {
        if (fileName == null) {
            return NONE;
        }
        String name = withoutExtension(fileName.strip());
        Matcher m = YEAR.matcher(name);
        Integer year = null;
        String rest = name;
        if (m.find()) {
            int start = m.start();
            int end = m.end();
            String found = m.group(1);
            if (!m.find()) {
                year = Integer.valueOf(found);
                // 沭阳县发展和改革局2023年… or 2024年上海市科委…: the agency is on either side of the year
                String before = name.substring(0, start);
                rest = before.isBlank() ? name.substring(end) : before;
            }
        }
        return new NameGuess(agency(rest), year);
    }

    private static String agency(String text) {
        Matcher words = REPORT_WORDS.matcher(text);
        String candidate = words.find() ? text.substring(0, words.start()) : text;
        candidate = SEPARATORS.matcher(candidate).replaceAll("");
        return candidate.length() >= 3 && AGENCY.matcher(candidate).matches() ? candidate : null;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 5 ? name.substring(0, dot) : name;
    }
}

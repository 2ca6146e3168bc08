package org.nianbao.importer;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The form in which labels are compared. Published tables write the same label with full- or half-width punctuation
 * (（一） / (一)), spaces inside (结 果 维 持), different quotes (“三安全一稳定”), a comma for 、, with a trailing {@code |} when
 * copied from HTML and a Markdown heading's {@code ###}; all of that is folded away here so that one catalog label matches all of them.
 */
final class LabelKey {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    private static final String QUOTE_CHARACTERS = "\"'“”‘’「」『』〝〞";
    private static final Pattern QUOTES = Pattern.compile("[" + QUOTE_CHARACTERS + "]");
    private static final Pattern ARABIC_ITEM = Pattern.compile("^(\\d{1,2})[、.]");
    private static final Pattern HAN_NUMERAL_ITEM = Pattern.compile("^([一二三四五六七八九十]{1,3})[、.]");
    private static final Pattern LEADING_NUMBERING =
            Pattern.compile("^(?:\\d{1,2}\\.|[一二三四五六七八九十]{1,3}、|\\([一二三四五六七八九十\\d]{1,3}\\))");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\([^()]*\\)$");
    private static final Pattern UNIT_REMARK = Pattern.compile("\\((?:单位:?)?(万元|元)\\)$");

    private LabelKey() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        // every cell and short line is keyed: each pattern runs only where its characters occur
        String key = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (key.chars().anyMatch(c -> Trim.isAnySpace((char) c) || c == '\u200B' || c == '\uFEFF')) {
            key = SPACES.matcher(key).replaceAll("");
        }
        if (key.chars().anyMatch(c -> QUOTE_CHARACTERS.indexOf(c) >= 0)) {
            key = QUOTES.matcher(key).replaceAll("");
        }
        key = Trim.edges(key, "|");
        if (key.startsWith("#")) {
            key = MARKDOWN_HEADING.matcher(key).replaceFirst("");
        }
        if (key.indexOf(',') >= 0) {
            // 不补正，行政机关… and 不补正、行政机关…: the same label with another comma
            key = key.replace(',', '、');
        }
        key = Trim.trailing(key, ":：");
        if (key.indexOf('、') >= 0 || key.indexOf('.') >= 0) {
            key = ARABIC_ITEM.matcher(key).replaceFirst("$1.");
            key = HAN_NUMERAL_ITEM.matcher(key).replaceFirst("$1、");
        }
        return key;
    }

    /** The key without its numbering: (一)予以公开 → 予以公开, 1.属于国家秘密 → 属于国家秘密, 一、… → …. */
    static String withoutNumbering(String key) {
        return LEADING_NUMBERING.matcher(key).replaceFirst("");
    }

    /** The key without a trailing remark in parentheses: (二)部分公开(区分处理的,…) → (二)部分公开. */
    static String withoutRemark(String key) {
        return TRAILING_REMARK.matcher(key).replaceFirst("");
    }

    /** The unit named by a header such as 本年收费金额（单位：万元）, or null. */
    static String unitRemark(String key) {
        var m = UNIT_REMARK.matcher(key);
        return m.find() ? m.group(1) : null;
    }

    /** The header without its unit remark: 本年收费金额(单位:万元) → 本年收费金额. */
    static String withoutUnitRemark(String key) {
        return UNIT_REMARK.matcher(key).replaceFirst("");
    }
}

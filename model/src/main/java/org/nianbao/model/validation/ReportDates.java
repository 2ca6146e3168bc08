package org.nianbao.model.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The report years and publication dates the service accepts.
 * <p>
 * A year is written in ASCII digits, four of them, without sign or leading zero; it runs from 2008, when the disclosure
 * regulation took effect, to the current year.
 * <p>
 * A publication date is an ISO date, {@code yyyy-mm-dd} with a four-digit year and no sign. A report for year Y covers
 * the whole year and is due by 31 January of Y+1 (by 31 March before the 2019 revision), so it is published on or
 * after 1 December of Y: a few agencies publish in the last weeks of the year, and an earlier date is a typing error
 * (often the report year written for the publication year) that would make a late report count as on time. There is
 * no latest date but today: reports are published years late (one seed report for 2014 was published in 2017).
 * <p>
 * "Today" is the date in China ({@link #ZONE}), where the reports are dated: at 07:00 Beijing time a report dated
 * that day is not in the future, although it is still yesterday in UTC.
 */
public final class ReportDates {

    public static final int FIRST_REPORT_YEAR = 2008;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern YEAR = Pattern.compile("[1-9][0-9]{3}");

    private ReportDates() {
    }

    /** Report years the service should accept: from the first year of the 2008 regulations up to now. */
    public static boolean plausibleYear(int year, int currentYear) {
        return year >= FIRST_REPORT_YEAR && year <= currentYear;
    }

    /**
     * A year as written in a path or query ({@code 2022}), or null when it is not four ASCII digits without a leading
     * zero: Java's own parsing also reads {@code ２０２２}, {@code +2022} and {@code 02022}, which name no resource.
     */
    public static Integer parseYear(String text) {
        return text != null && YEAR.matcher(text).matches() ? Integer.parseInt(text) : null;
    }

    /** The date written as {@code yyyy-mm-dd}, or null when it is not one (no sign, no 5-digit year, no 30 February). */
    public static LocalDate parseDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text); // strict: 2020-02-30 is refused, not moved to 2020-02-29
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The earliest publication date of a report for {@code year}. */
    public static LocalDate earliestPublication(int year) {
        return LocalDate.of(year, 12, 1);
    }

    /**
     * What is wrong with publishing the report of {@code year} (null: not known yet) on {@code date}, or null if
     * nothing is.
     */
    public static String whatIsWrong(LocalDate date, Integer year, LocalDate today) {
        if (date.isAfter(today)) {
            return "publishedOn " + date + " is in the future (today is " + today + " in China)";
        }
        int reportYear = year != null && year >= FIRST_REPORT_YEAR ? year : FIRST_REPORT_YEAR;
        LocalDate earliest = earliestPublication(reportYear);
        if (date.isBefore(earliest)) {
            return year != null && year >= FIRST_REPORT_YEAR
                    ? "publishedOn " + date + " is before the end of the report year " + year
                            + ": a report for " + year + " is published on or after " + earliest
                    : "publishedOn " + date + " is before the first reports (" + earliest + ")";
        }
        return null;
    }
}

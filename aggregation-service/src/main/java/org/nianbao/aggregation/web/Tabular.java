package org.nianbao.aggregation.web;

import java.util.List;

/**
 * An answer that is also a table, so it can be served as CSV ({@code Accept: text/csv}) or as a spreadsheet
 * ({@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}). Both hold the same rows.
 */
public interface Tabular {

    /** The CSV's header: the JSON field names, which scripts read. */
    List<String> csvHeader();

    /** The spreadsheet's header, one per column of {@link #csvHeader()}: the printed Chinese labels, which people read. */
    List<String> labels();

    /** One list per row; a null is a blank cell, a number a number. */
    List<List<Object>> csvRows();
}

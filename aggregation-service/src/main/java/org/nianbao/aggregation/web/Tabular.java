package org.nianbao.aggregation.web;

import java.util.List;

/** An answer that is also a table, so it can be served as CSV ({@code Accept: text/csv}). */
public interface Tabular {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}

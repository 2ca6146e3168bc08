package org.nianbao.model.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A well-formed submission. Blank is not zero: a cell that was null or missing is not in {@code cells};
 * {@code blankCells} records the ones sent explicitly as null.
 *
 * @param texts the text sections sent (overview, problems, otherMatters), by section code
 * @param cells the filled cells, by cell code
 */
public record ParsedReport(String template, Integer year, String agencyId, LocalDate publishedOn,
                           Map<String, String> texts, SortedMap<String, BigDecimal> cells,
                           SortedSet<String> blankCells) {

    public ParsedReport {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        blankCells = Collections.unmodifiableSortedSet(new TreeSet<>(blankCells));
    }
}

package org.nianbao.importer;

import java.math.BigDecimal;

/**
 * One table cell the importer placed.
 *
 * @param code  the cell code, e.g. {@code activeDisclosure.rules.newlyMade}
 * @param value the value in the catalog's unit, or null for a blank cell ("-", empty): blank is not 0
 * @param text  the text of the cell as it was read (after traditional → simplified conversion)
 * @param line  the line it came from (for HTML: the line of the extracted text)
 */
public record CellReading(String code, BigDecimal value, String text, int line) {
}

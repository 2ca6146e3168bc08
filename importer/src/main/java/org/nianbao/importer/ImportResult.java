package org.nianbao.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report read from published text or HTML.
 *
 * @param submission  the submission JSON the report service accepts: {@code template}, {@code publishedOn} (if
 *                    found), the texts {@code overview}, {@code problems}, {@code otherMatters} and the nested cells
 *                    of {@code activeDisclosure}, {@code requests}, {@code reviewLitigation}; a cell printed blank is
 *                    null, a cell not read is left out
 * @param template    the template detected from the table headers: GOV_2019, GOV_2021 or LEGACY
 * @param agencyName  the agency named in the title (simplified characters), or null
 * @param year        the report year named in the title, or null
 * @param diagnostics how each part was read
 */
public record ImportResult(ObjectNode submission, String template, String agencyName, Integer year,
                           Diagnostics diagnostics) {

    public ImportResult withDiagnostics(Diagnostics diagnostics) {
        return new ImportResult(submission, template, agencyName, year, diagnostics);
    }

    /** The filled cells by code, in reading order (blank cells are not in it: blank is not 0). */
    public Map<String, BigDecimal> cells() {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (CellReading reading : diagnostics.cells()) {
            if (reading.value() != null) {
                cells.put(reading.code(), reading.value());
            }
        }
        return cells;
    }
}

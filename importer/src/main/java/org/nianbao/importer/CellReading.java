package org.nianbao.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One table cell the importer placed.
 *
 * @param code  the cell code, e.g. {@code activeDisclosure.rules.newlyMade}
 * @param value the value in the catalog's unit, or null for a blank cell ("-", empty): blank is not 0
 * @param text  the text of the cell as it was read (after traditional → simplified conversion)
 * @param line  the line it came from (for HTML: the line of the extracted text)
 * @param page  for a PDF, the page of that line; else null
 * @param row   the row label as printed before the value (the evidence of which row it is), or null
 */
@Schema(description = "One cell read")
public record CellReading(@Schema(description = "Canonical cell code", example = "activeDisclosure.licensing.decisions") String code, @Schema(nullable = true, description = "The value; null for a blank cell", example = "228") BigDecimal value, @Schema(description = "The text it came from: the printed value or blank mark, or for digits that ran together the printed run and the part read", example = "228") String text, @Schema(description = "Line of the text", example = "52") int line,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "For a PDF, the page of the line", example = "3") Integer page,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The row label as printed before the value", example = "行政许可") String row) {

    public CellReading(String code, BigDecimal value, String text, int line) {
        this(code, value, text, line, null, null);
    }

    public CellReading withPage(Integer page) {
        return new CellReading(code, value, text, line, page, row);
    }
}

package org.nianbao.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What the importer found of one expected table (二 activeDisclosure, 三 requests, 四 reviewLitigation).
 *
 * @param section   the section code, e.g. {@code requests}
 * @param found     whether any row of the table was recognised
 * @param layout    the layout it was read in; {@link TableLayout#NONE} when not found
 * @param line      the first line where a row of it was recognised, or null
 * @param cellsRead how many of its cells were read (blank ones included)
 * @param consistent whether the cells read agree with the table's own identities (R1–R4: rows and columns that add
 *                   up); null when nothing was read to check
 * @param disagreeing the cells of the identities that do not hold: where to look (real reports are sometimes wrong
 *                    themselves, and a cell read wrong shows here too)
 */
@Schema(description = "One expected table")
public record TableFinding(@Schema(description = "Section code", example = "requests") String section, @Schema(description = "Whether the table was found", example = "true") boolean found, @Schema(description = "PIPE_PER_LINE, LINE_PER_CELL, TAB_SEPARATED, PIPE_ROWS, INLINE, HTML_TABLE or NONE", example = "TAB_SEPARATED") TableLayout layout, @Schema(nullable = true, description = "Line where it starts", example = "48") Integer line, @Schema(description = "How many cells were read", example = "161") int cellsRead,
                           @Schema(nullable = true, description = "Whether the cells read agree with the table's own identities (R1–R4); null when nothing was read to check", example = "true") Boolean consistent,
                           @Schema(description = "The cells of the identities that do not hold", example = "[\"requests.newReceived.total\"]") List<String> disagreeing) {

    public TableFinding {
        disagreeing = disagreeing == null ? List.of() : List.copyOf(disagreeing);
    }

    public static TableFinding notFound(String section) {
        return new TableFinding(section, false, TableLayout.NONE, null, 0, null, List.of());
    }
}

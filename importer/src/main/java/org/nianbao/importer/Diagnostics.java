package org.nianbao.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Everything the importer can tell about how it read a report, so that a person can check the import against the
 * published page.
 *
 * @param tables       each expected table: found or not, and in which layout
 * @param cells        every cell read, with the text and line it came from
 * @param unplaced     numbers it could not place with certainty (left out of the submission)
 * @param proseFigures figures read from sentences; never put into table cells
 * @param notes        what else a reader should know: conversions, the template decision, units, doubts
 * @param leftOut      how many entries of each list were not listed (each lists at most the import's
 *                     {@link ImportLimits#maxListed()})
 */
@Schema(description = "What the importer could and could not read")
public record Diagnostics(@Schema(description = "Each expected table (二, 三, 四): found or not, and its layout") List<TableFinding> tables, @Schema(description = "Every cell read, with the text it came from") List<CellReading> cells, @Schema(description = "Numbers it could not place with certainty: left out, never guessed") List<Unplaced> unplaced,
                          @Schema(description = "Figures read from the prose; never put into table cells") List<ProseFigure> proseFigures, @Schema(description = "What it noticed on the way", example = "[\"traditional characters converted\"]") List<String> notes,
                          @Schema(description = "How many entries each list left out: a document with thousands of numbers it cannot place lists the first ones and counts the rest") LeftOut leftOut) {

    /** Entries not listed, by list. */
    @Schema(description = "Entries not listed, by list")
    public record LeftOut(@Schema(description = "Unplaced numbers not listed", example = "0") int unplaced,
                          @Schema(description = "Prose figures not listed", example = "0") int proseFigures,
                          @Schema(description = "Notes not listed", example = "0") int notes) {
    }

    public Diagnostics {
        tables = List.copyOf(tables);
        cells = List.copyOf(cells);
        unplaced = List.copyOf(unplaced);
        proseFigures = List.copyOf(proseFigures);
        notes = List.copyOf(notes);
    }

    /** The same diagnostics with each cell and unplaced number given the page of its line (a PDF's pages). */
    public Diagnostics withPages(IntFunction<Optional<Integer>> pageOfLine) {
        return new Diagnostics(tables,
                cells.stream().map(c -> c.withPage(pageOfLine.apply(c.line()).orElse(null))).toList(),
                unplaced.stream().map(u -> u.withPage(pageOfLine.apply(u.line()).orElse(null))).toList(),
                proseFigures, notes, leftOut);
    }
}

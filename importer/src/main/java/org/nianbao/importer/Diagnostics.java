package org.nianbao.importer;

import java.util.List;

/**
 * Everything the importer can tell about how it read a report, so that a person can check the import against the
 * published page.
 *
 * @param tables       each expected table: found or not, and in which layout
 * @param cells        every cell read, with the text and line it came from
 * @param unplaced     numbers it could not place with certainty (left out of the submission)
 * @param proseFigures figures read from sentences; never put into table cells
 * @param notes        what else a reader should know: conversions, the template decision, units, doubts
 */
public record Diagnostics(List<TableFinding> tables, List<CellReading> cells, List<Unplaced> unplaced,
                          List<ProseFigure> proseFigures, List<String> notes) {

    public Diagnostics {
        tables = List.copyOf(tables);
        cells = List.copyOf(cells);
        unplaced = List.copyOf(unplaced);
        proseFigures = List.copyOf(proseFigures);
        notes = List.copyOf(notes);
    }
}

package org.nianbao.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A number the importer read but could not put into a cell with certainty. It is left out of the submission, never
 * guessed: a person has to look at it.
 *
 * @param text   the cell text
 * @param line   the line it came from
 * @param reason why it was not placed
 */
@Schema(description = "A number the importer could not place")
public record Unplaced(@Schema(description = "The text", example = "0") String text, @Schema(description = "Line of the text", example = "60") int line, @Schema(description = "Why it was not placed", example = "the row has 6 values for 7 columns") String reason) {
}

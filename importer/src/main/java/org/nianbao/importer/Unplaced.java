package org.nianbao.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A number the importer read but could not put into a cell with certainty. It is left out of the submission, never
 * guessed: a person has to look at it.
 *
 * @param text   the cell text
 * @param line   the line it came from
 * @param reason why it was not placed
 * @param page   for a PDF, the page of the line; else null
 */
@Schema(description = "A number the importer could not place")
public record Unplaced(@Schema(description = "The text", example = "0") String text, @Schema(description = "Line of the text", example = "60") int line, @Schema(description = "Why it was not placed", example = "the row has 6 values for 7 columns") String reason,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "For a PDF, the page of the line", example = "3") Integer page) {

    public Unplaced(String text, int line, String reason) {
        this(text, line, reason, null);
    }

    public Unplaced withPage(Integer page) {
        return new Unplaced(text, line, reason, page);
    }
}

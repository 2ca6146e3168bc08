package org.nianbao.importer;

/**
 * A number the importer read but could not put into a cell with certainty. It is left out of the submission, never
 * guessed: a person has to look at it.
 *
 * @param text   the cell text
 * @param line   the line it came from
 * @param reason why it was not placed
 */
public record Unplaced(String text, int line, String reason) {
}

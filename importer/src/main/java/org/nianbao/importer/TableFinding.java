package org.nianbao.importer;

/**
 * What the importer found of one expected table (二 activeDisclosure, 三 requests, 四 reviewLitigation).
 *
 * @param section   the section code, e.g. {@code requests}
 * @param found     whether any row of the table was recognised
 * @param layout    the layout it was read in; {@link TableLayout#NONE} when not found
 * @param line      the first line where a row of it was recognised, or null
 * @param cellsRead how many of its cells were read (blank ones included)
 */
public record TableFinding(String section, boolean found, TableLayout layout, Integer line, int cellsRead) {
}

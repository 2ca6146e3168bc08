package org.nianbao.importer;

import java.math.BigDecimal;

/**
 * A figure written in a sentence, e.g. 主动公开政府信息1106条. Kept for a reader to compare with the tables; it is never
 * put into a table cell, since prose counts things the tables count differently (or not at all).
 *
 * @param label what the figure counts, e.g. 主动公开政府信息
 * @param value the number
 * @param unit  the unit written after it, e.g. 条, 件, 起, 万元
 * @param text  the phrase it was read from
 * @param line  the line it came from
 */
public record ProseFigure(String label, BigDecimal value, String unit, String text, int line) {
}

package org.nianbao.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(description = "A figure read from the prose")
public record ProseFigure(@Schema(description = "What it counts", example = "主动公开政府信息") String label, @Schema(description = "The figure", example = "1106") BigDecimal value, @Schema(description = "Its unit", example = "条") String unit, @Schema(description = "The sentence it came from", example = "2014年，市教育局主动公开政府信息1106条") String text, @Schema(description = "Line of the text", example = "31") int line) {
}

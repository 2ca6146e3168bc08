package org.nianbao.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the submission JSON the report service parses: sections in printed order, cells nested by their dotted
 * codes in the catalog's order. A cell printed blank is written as null (blank, not 0); a cell not read is left out.
 */
final class SubmissionBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SubmissionBuilder() {
    }

    static ObjectNode build(Template template, LocalDate publishedOn, Map<String, String> texts,
                            List<CellReading> cells) {
        ObjectNode submission = JSON.objectNode();
        submission.put("template", template.id());
        if (publishedOn != null) {
            submission.put("publishedOn", publishedOn.toString());
        }
        Map<String, CellReading> byCode = new HashMap<>();
        cells.forEach(c -> byCode.put(c.code(), c));
        for (Section section : template.sections()) {
            if (section.text()) {
                String text = texts.get(section.code());
                if (text != null && !text.isBlank()) {
                    submission.put(section.code(), text);
                }
                continue;
            }
            for (CellDefinition cell : template.cells()) {
                CellReading reading = byCode.get(cell.code());
                if (cell.section().equals(section.code()) && reading != null) {
                    put(submission, cell.code(), reading.value());
                }
            }
        }
        return submission;
    }

    private static void put(ObjectNode root, String code, BigDecimal value) {
        String[] path = code.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        }
        String name = path[path.length - 1];
        if (value == null) {
            node.putNull(name);
        } else if (value.scale() <= 0) {
            node.put(name, value.toBigIntegerExact());
        } else {
            node.put(name, value);
        }
    }
}

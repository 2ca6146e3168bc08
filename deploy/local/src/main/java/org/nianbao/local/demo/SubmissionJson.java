package org.nianbao.local.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nianbao.local.demo.ReportGenerator.GeneratedReport;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A generated report in the submission format of {@code PUT /api/v1/agencies/{id}/reports/{year}}: template,
 * publishedOn, then the sections in the catalog's order, the numeric ones as nested objects whose dotted paths are
 * the cell codes; a blank cell is an explicit null.
 */
final class SubmissionJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectMapper PRETTY = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private SubmissionJson() {
    }

    /** @param firstVersion the first (mistaken) version of a revised report rather than the final one */
    static ObjectNode tree(TemplateCatalog catalog, GeneratedReport report, boolean firstVersion) {
        Map<String, BigDecimal> cells = firstVersion ? report.firstVersion() : report.cells();
        if (cells == null) {
            throw new IllegalArgumentException(report.agency().id() + "/" + report.year() + " has no first version");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("template", report.template().id());
        root.put("publishedOn", report.plan().publishedOn().toString());
        for (Section section : catalog.sections()) {
            if (section.text()) {
                String text = report.texts().get(section.code());
                if (text != null) root.put(section.code(), text);
            } else {
                cells.forEach((code, value) -> {
                    if (code.startsWith(section.code() + ".")) put(root, code, value);
                });
            }
        }
        return root;
    }

    static String write(TemplateCatalog catalog, GeneratedReport report, boolean firstVersion) {
        return write(tree(catalog, report, firstVersion), false);
    }

    static String write(ObjectNode tree, boolean pretty) {
        try {
            return (pretty ? PRETTY : JSON).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode root, String code, BigDecimal value) {
        String[] path = code.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            ObjectNode child = (ObjectNode) node.get(path[i]);
            node = child != null ? child : node.putObject(path[i]);
        }
        String leaf = path[path.length - 1];
        if (value == null) {
            node.putNull(leaf);
        } else {
            node.put(leaf, value);
        }
    }
}

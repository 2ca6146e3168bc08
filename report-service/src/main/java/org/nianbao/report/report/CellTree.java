package org.nianbao.report.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/** Turns flat cell codes back into the nested JSON of the submission format. */
final class CellTree {
    private CellTree() {
    }

    /** The nested object for one section ({@code requests}, ...), or null when no cell of it is filled. */
    static ObjectNode section(String section, Map<String, BigDecimal> cells) {
        ObjectNode root = null;
        String prefix = section + ".";
        for (Map.Entry<String, BigDecimal> cell : cells.entrySet()) {
            if (!cell.getKey().startsWith(prefix)) {
                continue;
            }
            if (root == null) {
                root = JsonNodeFactory.instance.objectNode();
            }
            String[] path = cell.getKey().substring(prefix.length()).split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            node.put(path[path.length - 1], cell.getValue());
        }
        return root;
    }
}

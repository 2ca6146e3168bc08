package org.nianbao.importer;

import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table identities of a template (R1–R4 of the catalog: rows and columns that add up), asked whether a reading
 * of some cells agrees with the cells already read. An identity with a cell not read yet says nothing.
 */
final class Identities {

    private final RuleEngine rules;
    private final Template template;

    Identities(RuleEngine rules, Template template) {
        this.rules = rules;
        this.template = template;
    }

    /**
     * Whether every identity that reads one of {@code reading}'s cells, and only read cells, holds. {@code read} is
     * the caller's working map: the reading is laid over it for the check and taken off again, so that trying
     * thousands of splits does not copy every cell read for each.
     */
    boolean agree(Map<String, BigDecimal> read, Map<String, BigDecimal> reading) {
        Map<String, BigDecimal> covered = new HashMap<>();
        reading.forEach((code, value) -> covered.put(code, read.put(code, value)));
        try {
            for (RuleWarning warning : rules.check(template, read, null)) {
                if (warning.blankCellsCountedAsZero().isEmpty()
                        && warning.cells().stream().anyMatch(reading::containsKey)) {
                    return false;
                }
            }
            return true;
        } finally {
            covered.forEach((code, before) -> {
                if (before == null) {
                    read.remove(code);
                } else {
                    read.put(code, before);
                }
            });
        }
    }

}

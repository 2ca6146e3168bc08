package org.nianbao.model.validation;

import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;

import java.util.List;

/**
 * Rule T1. The submitter chooses the template, not the year (real 2023 reports still use the 2019 format), so a
 * template outside its years is accepted with a warning.
 */
public final class TemplateYearCheck {

    public static final String RULE = "T1";

    private TemplateYearCheck() {
    }

    public static List<RuleWarning> templateYearWarnings(Template template, int year) {
        if (template.intendedFor(year)) {
            return List.of();
        }
        String message = "T1: %s is meant for report years %s; this report is for %d"
                .formatted(template.id(), template.years().describe(), year);
        return List.of(new RuleWarning(RULE, message, List.of(), null, null, List.of()));
    }
}

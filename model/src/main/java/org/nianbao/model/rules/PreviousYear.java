package org.nianbao.model.rules;

import org.nianbao.model.template.Template;

import java.math.BigDecimal;
import java.util.Map;

/** The same agency's report for the previous year, for the cross-year rules (X1, X2). */
public record PreviousYear(Template template, Map<String, BigDecimal> cells) {
}

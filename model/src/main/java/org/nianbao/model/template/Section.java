package org.nianbao.model.template;

/** One of the six sections of every report (一…六); {@code text} sections are prose, the others tables. */
public record Section(String code, String number, String label, boolean text) {
}

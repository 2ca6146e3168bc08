package org.nianbao.model.agency;

import java.util.Arrays;
import java.util.Optional;

/** The line of government an agency belongs to; roll-ups and comparisons are per sector. */
public enum Sector {
    EDUCATION("教育"),
    GOVERNMENT("人民政府"),
    HEALTH("卫生健康"),
    HUMAN_RESOURCES("人力资源和社会保障"),
    NATURAL_RESOURCES("自然资源"),
    ECOLOGY_ENVIRONMENT("生态环境"),
    PUBLIC_SECURITY("公安"),
    CIVIL_AFFAIRS("民政");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Sector> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code)).findFirst();
    }

    public static String validCodes() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}

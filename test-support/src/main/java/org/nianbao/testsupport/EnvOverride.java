package org.nianbao.testsupport;

import java.util.Optional;

/** Reads the variables that point tests at external servers instead of in-process ones. */
final class EnvOverride {
    private EnvOverride() {
    }

    static Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}

package org.nianbao.importer.cli;

import java.nio.file.Path;

/**
 * What happened to one file.
 *
 * @param file   the file
 * @param status imported, imported with warnings, or failed
 * @param detail what was stored (agency/year/version, cells) or why it failed, for the summary
 */
record FileOutcome(Path file, Status status, String detail) {

    enum Status {
        IMPORTED("imported"),
        IMPORTED_WITH_WARNINGS("imported with warnings"),
        FAILED("failed");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }
}

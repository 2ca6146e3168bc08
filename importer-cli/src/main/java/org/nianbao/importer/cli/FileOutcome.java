package org.nianbao.importer.cli;

/**
 * What happened to one file or URL.
 *
 * @param source the file's path in the folder, or the URL
 * @param status imported, imported with warnings, skipped, refused or failed
 * @param detail what was stored and where its agency and year came from, or why it was skipped, refused or failed
 */
record FileOutcome(String source, Status status, String detail) {

    enum Status {
        IMPORTED("imported"),
        IMPORTED_WITH_WARNINGS("imported with warnings"),
        SKIPPED("skipped"),
        /** The service answered with Problem Details: nothing was stored. */
        REFUSED("refused"),
        /** The file could not be read or fetched, or the service could not be reached. */
        FAILED("failed");

        final String text;

        Status(String text) {
            this.text = text;
        }

        boolean imported() {
            return this == IMPORTED || this == IMPORTED_WITH_WARNINGS;
        }
    }
}

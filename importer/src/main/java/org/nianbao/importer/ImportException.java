package org.nianbao.importer;

/**
 * The input is not something the importer can turn into a report: empty, or text without the structure of an annual
 * report (no 年度报告 title, no section headings and no report tables). The message is meant for the person who sent
 * the file; the service answers 422 with it and stores nothing.
 */
public class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }
}

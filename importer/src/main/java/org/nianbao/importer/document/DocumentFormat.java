package org.nianbao.importer.document;

/** The forms in which agencies publish their reports, as told by the file's bytes. */
public enum DocumentFormat {
    PDF("PDF"),
    DOCX("Word (.docx)"),
    DOC("Word 97-2003 (.doc)"),
    XLSX("Excel (.xlsx)"),
    XLS("Excel 97-2003 (.xls)"),
    HTML("HTML"),
    TEXT("plain text");

    private final String label;

    DocumentFormat(String label) {
        this.label = label;
    }

    /** How the format is named in messages to the sender. */
    public String label() {
        return label;
    }
}

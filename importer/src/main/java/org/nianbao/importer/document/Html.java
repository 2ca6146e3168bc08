package org.nianbao.importer.document;

/** Writes the HTML that the readers of structured formats hand to the importer: paragraphs and tables, escaped. */
final class Html {

    private final StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
    private final int maxCharacters;

    Html(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    void paragraph(String text) {
        if (!text.isBlank()) {
            out.append("<p>").append(escape(text.strip())).append("</p>\n");
            checkSize();
        }
    }

    void openTable() {
        out.append("<table>\n");
    }

    void openRow() {
        out.append("<tr>");
    }

    void cell(String text, int rowspan, int colspan) {
        out.append("<td");
        if (rowspan > 1) {
            out.append(" rowspan=\"").append(rowspan).append('"');
        }
        if (colspan > 1) {
            out.append(" colspan=\"").append(colspan).append('"');
        }
        out.append('>').append(escape(text)).append("</td>");
        checkSize();
    }

    void closeRow() {
        out.append("</tr>\n");
    }

    void closeTable() {
        out.append("</table>\n");
    }

    String done() {
        return out.append("</body></html>\n").toString();
    }

    private void checkSize() {
        if (out.length() > maxCharacters) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The document holds more than "
                    + maxCharacters + " characters of text; send the report alone.");
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package org.nianbao.importer.document;

/**
 * How much of a document the reader takes on before it refuses it. A published annual report is a few pages with
 * four small tables; the defaults leave wide room for that and refuse what could only be a mistake or an attack
 * (a zip bomb, a PDF of ten thousand pages) before it costs much memory or time.
 *
 * @param maxBytes            size of the file as sent
 * @param maxPages            pages of a PDF
 * @param maxSheets           sheets of a workbook
 * @param maxRowsPerSheet     rows of one sheet
 * @param maxCharacters       characters of the text handed to the importer (any format)
 * @param maxPartBytes        uncompressed size of one part: an entry of a .docx/.xlsx (images included), or a
 *                            Flate-compressed stream of a PDF (page content, form, font)
 * @param maxXmlPartBytes     uncompressed size of one XML part of a .docx/.xlsx (the document, a sheet, the shared
 *                            strings): POI holds a parsed XML part in memory at several times its size
 * @param maxZipTotalBytes    uncompressed size of all parts of a .docx/.xlsx together
 * @param minInflateRatio     smallest compressed/uncompressed ratio of a zip part; below it the part is a zip bomb
 */
public record DocumentLimits(long maxBytes, int maxPages, int maxSheets, int maxRowsPerSheet, int maxCharacters,
                             long maxPartBytes, long maxXmlPartBytes, long maxZipTotalBytes,
                             double minInflateRatio) {

    public static DocumentLimits defaults() {
        return new DocumentLimits(20L << 20, 300, 30, 10_000, 2_000_000, 64L << 20, 8L << 20, 256L << 20, 0.01);
    }

    public DocumentLimits {
        if (maxBytes <= 0 || maxPages <= 0 || maxSheets <= 0 || maxRowsPerSheet <= 0 || maxCharacters <= 0
                || maxPartBytes <= 0 || maxXmlPartBytes <= 0 || maxZipTotalBytes <= 0
                || minInflateRatio <= 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("document limits must be positive (and the inflate ratio below 1)");
        }
    }

    public DocumentLimits withMaxBytes(long bytes) {
        return new DocumentLimits(bytes, maxPages, maxSheets, maxRowsPerSheet, maxCharacters, maxPartBytes,
                maxXmlPartBytes, maxZipTotalBytes, minInflateRatio);
    }

    public DocumentLimits withMaxPages(int pages) {
        return new DocumentLimits(maxBytes, pages, maxSheets, maxRowsPerSheet, maxCharacters, maxPartBytes,
                maxXmlPartBytes, maxZipTotalBytes, minInflateRatio);
    }
}

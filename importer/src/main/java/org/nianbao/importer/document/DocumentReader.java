package org.nianbao.importer.document;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a report in the form an agency published it — PDF, Word (.docx, .doc), Excel (.xlsx, .xls), an HTML page or
 * plain text in UTF-8, GBK/GB2312/GB18030 or UTF-16 — into what the importer reads ({@link ReadDocument}).
 * The format is told by the bytes first, then by the declared media type and the file name (see {@link FormatSniffer}).
 * Everything is bounded by {@link DocumentLimits}; a file over them is refused with a {@link DocumentException}
 * before it costs much.
 * <p>
 * Thread-safe. POI's zip-bomb guard ({@link ZipSecureFile}) is process-wide: building a reader sets it to these
 * limits.
 */
public final class DocumentReader {

    private final DocumentLimits limits;
    private final FormatSniffer sniffer;
    private final TextDecoder decoder = new TextDecoder();

    public DocumentReader() {
        this(DocumentLimits.defaults());
    }

    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
        this.sniffer = new FormatSniffer(limits);
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxPartBytes());
    }

    /**
     * @param bytes     the file as sent
     * @param mediaType the declared media type (may carry {@code charset=}), or null
     * @param fileName  the file's name, or null
     */
    public ReadDocument read(byte[] bytes, String mediaType, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE, "The file is empty: there is nothing to"
                    + " import.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The file is " + bytes.length
                    + " bytes; at most " + limits.maxBytes() + " are read. Send the report alone.");
        }
        DocumentFormat format = sniffer.detect(bytes, mediaType, fileName);
        try {
            return switch (format) {
                case PDF -> new PdfTableText(limits).read(bytes);
                case DOCX -> new WordTables(limits).readDocx(bytes);
                case DOC -> new WordTables(limits).readDoc(bytes);
                case XLSX, XLS -> new SheetTables(limits).read(bytes, format);
                case HTML, TEXT -> text(bytes, mediaType, format);
            };
        } catch (DocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(format, e);
        }
    }

    private ReadDocument text(byte[] bytes, String mediaType, DocumentFormat format) {
        TextDecoder.Decoded decoded = decoder.decode(bytes, charsetOf(mediaType), format == DocumentFormat.HTML);
        if (decoded.text().indexOf('\0') >= 0) {
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED_FORMAT, "The file holds binary data, "
                    + "not text, and is not a PDF, Word or Excel document; send the report in one of those forms.");
        }
        if (decoded.text().length() > limits.maxCharacters()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The text has more than "
                    + limits.maxCharacters() + " characters; send the report alone.");
        }
        return new ReadDocument(format, format == DocumentFormat.HTML ? ReadDocument.Kind.HTML : ReadDocument.Kind.TEXT,
                decoded.text(), decoded.charset().name(), List.of(), decoded.notes());
    }

    private static String charsetOf(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String parameter : mediaType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                return pair[1].trim().replace("\"", "");
            }
        }
        return null;
    }

    private static DocumentException unreadable(DocumentFormat format, Exception e) {
        String message = String.valueOf(e.getMessage());
        // POI's ZipSecureFile says "Zip bomb detected! The file would exceed the max. ratio/size ..."
        if (message.contains("Zip bomb") || message.contains("exceeds the max")) {
            return new DocumentException(DocumentException.Reason.TOO_LARGE, "The " + format.label() + " document is "
                    + "refused: a part of it inflates far beyond its size (a zip bomb?). Save it again from Word or "
                    + "Excel and send it.", e);
        }
        if (e.getClass().getSimpleName().contains("Encrypted")) {
            return new DocumentException(DocumentException.Reason.UNREADABLE, "The " + format.label()
                    + " document is protected by a password; save it without the password and send it again.", e);
        }
        return new DocumentException(DocumentException.Reason.UNREADABLE, "The " + format.label() + " document cannot"
                + " be read (" + message + "); it may be damaged. Save it again, or send it as PDF or text.", e);
    }
}

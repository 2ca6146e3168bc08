package org.nianbao.importer.document;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the format of a file by its bytes first (%PDF; a zip holding word/document.xml or xl/workbook.xml; an OLE2
 * compound file holding a WordDocument or Workbook stream; markup at the start of a text), then by the declared media
 * type and the file name's extension. A zip is checked here against the limits by its central directory, before any
 * part is inflated.
 */
final class FormatSniffer {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private final DocumentLimits limits;

    FormatSniffer(DocumentLimits limits) {
        this.limits = limits;
    }

    DocumentFormat detect(byte[] bytes, String mediaType, String fileName) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII)) || pdfHeaderNearStart(bytes)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(bytes, new byte[]{'P', 'K', 3, 4})) {
            return zipFormat(bytes);
        }
        if (startsWith(bytes, OLE2)) {
            return ole2Format(bytes);
        }
        refuseKnownBinary(bytes);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Optional<DocumentFormat> declaredBinary = declaredBinary(type, name);
        if (declaredBinary.isPresent()) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE, "The file is declared as "
                    + declaredBinary.get().label() + " but its bytes are not one; it may be damaged or only "
                    + "renamed. Save it again from the program that made it, or send the text.");
        }
        if (looksLikeHtml(bytes) || type.contains("html") || name.endsWith(".html") || name.endsWith(".htm")) {
            return DocumentFormat.HTML;
        }
        return DocumentFormat.TEXT;
    }

    private static Optional<DocumentFormat> declaredBinary(String type, String name) {
        if (type.contains("pdf") || name.endsWith(".pdf")) {
            return Optional.of(DocumentFormat.PDF);
        }
        if (type.contains("wordprocessingml") || name.endsWith(".docx")) {
            return Optional.of(DocumentFormat.DOCX);
        }
        if (type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
            return Optional.of(DocumentFormat.XLSX);
        }
        if (type.contains("msword") || name.endsWith(".doc")) {
            return Optional.of(DocumentFormat.DOC);
        }
        if (type.contains("ms-excel") || name.endsWith(".xls")) {
            return Optional.of(DocumentFormat.XLS);
        }
        return Optional.empty();
    }

    /** The PDF header may follow some junk bytes (the specification allows it within the first kilobyte). */
    private static boolean pdfHeaderNearStart(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private DocumentFormat zipFormat(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            boolean word = false;
            boolean excel = false;
            long total = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                checkEntry(entry);
                total += Math.max(entry.getSize(), 0);
                word |= entry.getName().equals("word/document.xml");
                excel |= entry.getName().equals("xl/workbook.xml");
            }
            if (total > limits.maxZipTotalBytes()) {
                throw tooLarge("its parts add up to " + total + " bytes uncompressed, over the limit of "
                        + limits.maxZipTotalBytes());
            }
            if (word) {
                return DocumentFormat.DOCX;
            }
            if (excel) {
                return DocumentFormat.XLSX;
            }
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED_FORMAT, "The file is a zip archive but"
                    + " not a Word (.docx) or Excel (.xlsx) document; send the report as PDF, Word, Excel, HTML or"
                    + " text (one report per file).");
        } catch (IOException e) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The file starts like a zip archive (.docx, .xlsx) but cannot be opened (" + e.getMessage()
                            + "); save it again and send it.", e);
        }
    }

    private void checkEntry(ZipArchiveEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size > limits.maxPartBytes()) {
            throw tooLarge("its part " + entry.getName() + " is " + size + " bytes uncompressed, over the limit of "
                    + limits.maxPartBytes());
        }
        if (entry.getName().endsWith(".xml") && size > limits.maxXmlPartBytes()) {
            throw tooLarge("its part " + entry.getName() + " is " + size + " bytes of XML, over the limit of "
                    + limits.maxXmlPartBytes());
        }
        if (size > 0 && compressed >= 0 && size > 100_000 && (double) compressed / size < limits.minInflateRatio()) {
            throw tooLarge("its part " + entry.getName() + " inflates " + (size / Math.max(compressed, 1))
                    + " times (a zip bomb?)");
        }
    }

    private static DocumentException tooLarge(String why) {
        return new DocumentException(DocumentException.Reason.TOO_LARGE,
                "The document is refused: " + why + ". Send the report alone, saved again by Word or Excel.");
    }

    private static DocumentFormat ole2Format(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            var root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return DocumentFormat.DOC;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return DocumentFormat.XLS;
            }
            if (root.hasEntry("EncryptionInfo")) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The document is protected by a password; save it without the password and send it again.");
            }
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED_FORMAT, "The file is an Office 97-2003"
                    + " file but not a Word (.doc) or Excel (.xls) one; send the report as PDF, Word, Excel, HTML or"
                    + " text.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentException d) {
                throw d;
            }
            throw new DocumentException(DocumentException.Reason.UNREADABLE, "The file starts like an Office 97-2003"
                    + " document (.doc, .xls) but cannot be opened (" + e.getMessage() + "); save it again.", e);
        }
    }

    private static void refuseKnownBinary(byte[] bytes) {
        String kind = null;
        if (startsWith(bytes, new byte[]{(byte) 0x89, 'P', 'N', 'G'})) {
            kind = "a PNG image";
        } else if (startsWith(bytes, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            kind = "a JPEG image";
        } else if (startsWith(bytes, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
            kind = "a GIF image";
        } else if (startsWith(bytes, "II*\0".getBytes(StandardCharsets.US_ASCII))
                || startsWith(bytes, "MM\0*".getBytes(StandardCharsets.US_ASCII))) {
            kind = "a TIFF image";
        }
        if (kind != null) {
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED_FORMAT, "The file is " + kind
                    + ", not text; OCR it or send the report as PDF (with text), Word, Excel, HTML or text.");
        }
        if (startsWith(bytes, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED_FORMAT,
                    "RTF is not read; save the document as .docx or PDF and send it again.");
        }
    }

    /** Markup at the start of the text, in any ASCII-compatible charset or UTF-16. */
    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\0", "").toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
                || head.contains("<table") || head.contains("<meta") || head.contains("<head");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

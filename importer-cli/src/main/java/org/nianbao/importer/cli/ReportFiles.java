package org.nianbao.importer.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The report files of a folder, and each one's body and media type as the import endpoint takes them. */
final class ReportFiles {

    /** Many Chinese government sites still serve GBK; GB18030 reads GBK and GB2312 too. */
    private static final Charset CHINESE_LEGACY = Charset.forName("GB18030");

    /** Documents sent as they are; the service reads them. */
    private static final Map<String, String> DOCUMENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "doc", "application/msword",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xls", "application/vnd.ms-excel");

    /** What goes to the endpoint for one file. */
    record Body(byte[] bytes, String mediaType) {
    }

    private ReportFiles() {
    }

    /** The .txt, .html, .htm, .pdf, .docx, .doc, .xlsx and .xls files directly in the folder, by name. */
    static List<Path> in(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> isHtml(f) || isText(f) || isDocument(f)).sorted().toList();
        }
    }

    static boolean isDocument(Path file) {
        return DOCUMENT_TYPES.containsKey(extension(file));
    }

    /** A document as it is with its media type; a text or HTML file as its text in UTF-8 (see {@link #read}). */
    static Body body(Path file) throws IOException {
        String documentType = DOCUMENT_TYPES.get(extension(file));
        if (documentType != null) {
            return new Body(Files.readAllBytes(file), documentType);
        }
        return new Body(read(file).getBytes(StandardCharsets.UTF_8),
                (isHtml(file) ? "text/html" : "text/plain") + "; charset=UTF-8");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    static boolean isText(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** The file's text: UTF-8 when it is valid UTF-8 (a BOM is dropped), else GB18030. */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, CHINESE_LEGACY);
        }
    }
}

package org.nianbao.importer.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The report files of a folder and each one's media type as the import endpoint takes it. Every file goes as its
 * bytes: the service tells a text's charset (its {@code <meta charset>} or by detection), so GBK pages need nothing here.
 */
final class ReportFiles {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String DOC = "application/msword";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";
    static final String HTML = "text/html";
    static final String TEXT = "text/plain";

    private static final Map<String, String> TYPES = Map.of(
            "pdf", PDF, "docx", DOCX, "doc", DOC, "xlsx", XLSX, "xls", XLS,
            "html", HTML, "htm", HTML, "txt", TEXT, "md", TEXT);

    /** The attachments a report page may link to (its own tables being elsewhere). */
    private static final List<String> ATTACHMENT_EXTENSIONS = List.of("pdf", "docx", "doc", "xlsx", "xls");

    static final String EXTENSIONS = ".pdf .docx .doc .xlsx .xls .html .htm .txt .md";

    private ReportFiles() {
    }

    /** The report files in the folder and its subfolders (hidden ones left out), by path. */
    static List<Path> in(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !isHidden(folder.relativize(f)))
                    .filter(f -> mediaType(f.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
    }

    /** The media type the import endpoint takes for a file of that name, if it is one of the report formats. */
    static Optional<String> mediaType(String fileName) {
        return Optional.ofNullable(TYPES.get(extension(fileName)));
    }

    static boolean isAttachment(String fileName) {
        return ATTACHMENT_EXTENSIONS.contains(extension(fileName));
    }

    /** The media types the endpoint reads (the type of a text may carry its charset). */
    static boolean isImportable(String mediaType) {
        String base = baseType(mediaType);
        return TYPES.containsValue(base) || base.equals("application/octet-stream");
    }

    static String baseType(String mediaType) {
        return mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}

package org.nianbao.importer.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imports a published page by its address: the page itself when it holds the report's tables, else the PDF, Word or
 * Excel attachment it links to (the first, when there are several). The report service never fetches anything; this
 * command does, and sends what it fetched as it came, with the server's media type.
 */
final class UrlImport {

    private final PageFetcher fetcher;
    private final ImportClient client;
    private final DocumentImport imports;

    UrlImport(PageFetcher fetcher, ImportClient client, DocumentImport imports) {
        this.fetcher = fetcher;
        this.client = client;
        this.imports = imports;
    }

    FileOutcome run(String line) {
        URI url;
        try {
            url = URI.create(line.strip());
        } catch (IllegalArgumentException e) {
            return failed(line, "not a URL: " + e.getMessage());
        }
        PageFetcher.Fetched page;
        try {
            page = fetcher.fetch(url);
        } catch (PageFetcher.FetchException e) {
            return failed(line, e.getMessage());
        }
        String redirected = page.uri().equals(url) ? "" : "redirected to " + page.uri();
        Document document = document(line, page, lastSegment(page.uri()));
        List<Attachments.Link> links = Attachments.isHtml(page.contentType(), page.uri())
                ? Attachments.in(page.bytes(), page.contentType(), page.uri()) : List.of();
        if (links.isEmpty()) {
            return imports.run(document, redirected);
        }
        FileOutcome skipped = imports.skipped(line, page.bytes());
        if (skipped != null) {
            return skipped;
        }
        // a page that links to attachments is read first (nothing stored): its own tables win over an attachment
        ImportAnswer parsed = client.send(document, NameGuess.NONE, false);
        if (parsed.accepted() && parsed.cells() > 0) {
            return imports.run(document, join(redirected, "the page's own tables were imported; its attachment "
                    + links.get(0).uri() + (links.size() > 1 ? " and " + (links.size() - 1) + " more" : "")
                    + " not followed"));
        }
        Attachments.Link link = links.get(0);
        String why = parsed.accepted() ? "the page holds no report table" : "the page was not read as a report ("
                + parsed.refusal() + ")";
        PageFetcher.Fetched attachment;
        try {
            attachment = fetcher.fetch(link.uri());
        } catch (PageFetcher.FetchException e) {
            return failed(line, join(redirected, why + " and its attachment could not be fetched: " + e.getMessage()));
        }
        String followed = "attachment " + link.name() + " (" + link.uri() + ") imported: " + why
                + (links.size() > 1 ? "; the first of " + links.size() + " attachments" : "");
        return imports.run(document(line, attachment, link.name()), join(redirected, followed));
    }

    /** The server's media type when the endpoint reads it (a text keeps its charset); else the extension's; else the bytes tell. */
    private static Document document(String source, PageFetcher.Fetched fetched, String name) {
        String type = fetched.contentType() != null && ReportFiles.isImportable(fetched.contentType())
                && !ReportFiles.baseType(fetched.contentType()).equals("application/octet-stream")
                ? fetched.contentType()
                : ReportFiles.mediaType(fetched.uri().getPath() == null ? "" : fetched.uri().getPath())
                        .orElse("application/octet-stream");
        return new Document(source, name, fetched.bytes(), type);
    }

    private static String lastSegment(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return segment;
        }
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }

    private static FileOutcome failed(String source, String reason) {
        return new FileOutcome(source, FileOutcome.Status.FAILED, reason);
    }
}

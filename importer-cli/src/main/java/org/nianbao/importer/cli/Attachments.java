package org.nianbao.importer.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attachments a published page links to: a PDF, Word or Excel file ({@code 附件：沭阳县…年度报告.pdf}), as gov.cn
 * pages often carry the report only that way. The page is read in the charset of its Content-Type, else of its
 * {@code <meta charset>}, else UTF-8 when it is valid UTF-8, else GB18030 (which reads GBK and GB2312).
 */
final class Attachments {

    /** A link to an attachment: where it points and the name to read the agency and year from. */
    record Link(URI uri, String name) {
    }

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile(
            "<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>(.*?)</a\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** How far into a page its {@code <meta charset>} is looked for (it must be in the first 1024 bytes by HTML's rule; some pages are late). */
    private static final int META_SCAN_BYTES = 4096;

    private Attachments() {
    }

    static boolean isHtml(String contentType, URI uri) {
        String base = ReportFiles.baseType(contentType);
        if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
            return true;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return base.isEmpty() && (path.endsWith(".html") || path.endsWith(".htm") || path.endsWith("/"));
    }

    /** The attachment links of a page, in page order, each once. */
    static List<Link> in(byte[] page, String contentType, URI pageUri) {
        String html = decode(page, contentType);
        Set<URI> seen = new LinkedHashSet<>();
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String href = unescape(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)).strip();
            URI target;
            try {
                target = pageUri.resolve(URI.create(ascii(href)));
            } catch (IllegalArgumentException notAUri) {
                continue;
            }
            String path = target.getPath();
            if (path == null || !ReportFiles.isAttachment(path) || !seen.add(target)) {
                continue;
            }
            String text = unescape(TAG.matcher(m.group(4)).replaceAll("")).replaceAll("\\s+", " ").strip();
            text = text.replaceFirst("^附件[0-9一二三]?[:：]?\\s*", "");
            String lastSegment = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            links.add(new Link(target, HAN.matcher(text).find() ? text : lastSegment));
        }
        return links;
    }

    /** A link as a browser sends it: spaces and non-ASCII characters (a Chinese file name) percent-encoded as UTF-8. */
    static String ascii(String href) {
        StringBuilder out = new StringBuilder(href.length());
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            if (b < 0 || b <= ' ') {
                out.append('%').append(String.format("%02X", b & 0xff));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    static String decode(byte[] page, String contentType) {
        Charset declared = charset(contentType);
        if (declared == null) {
            String head = new String(page, 0, Math.min(page.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            int meta = head.toLowerCase(Locale.ROOT).indexOf("<meta");
            declared = meta < 0 ? null : charset(head.substring(meta));
        }
        if (declared != null) {
            return new String(page, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(page)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(page, Charset.forName("GB18030"));
        }
    }

    private static Charset charset(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        try {
            // GB2312 and GBK pages often hold GB18030 characters; GB18030 reads all three
            return name.equalsIgnoreCase("gb2312") || name.equalsIgnoreCase("gbk") ? Charset.forName("GB18030")
                    : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }

    private static String unescape(String text) {
        return text.replace("&amp;", "&").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }
}

package org.nianbao.aggregation.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.model.region.RegionCatalog;

/**
 * The {@code Content-Disposition} of a CSV or spreadsheet answer (RFC 6266): an attachment named after what it holds,
 * e.g. {@code 620000-甘肃省-breakdown-2023-disclosureRate.csv}: the region with its name, the query, and the values of its
 * parameters in the order sent. The name with Chinese goes in {@code filename*} (RFC 8187, UTF-8); {@code filename}
 * holds its ASCII part for clients that know no other.
 */
public final class DownloadName {

    private static final int MAX_LENGTH = 120;
    private static final String HEX = "0123456789ABCDEF";

    private DownloadName() {
    }

    /** The header value for an answer to {@code path} (under /api/v1/) with the raw {@code query}, as a {@code .extension} file. */
    public static String contentDisposition(String path, String rawQuery, String extension) {
        List<String> parts = new ArrayList<>();
        String[] segments = path.replaceFirst("^/api/v1/", "").split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("regions") && i + 1 < segments.length) {
                String code = segments[++i];
                parts.add(code);
                RegionCatalog.standard().find(code).ifPresent(r -> parts.add(r.name()));
            } else {
                parts.add(segments[i]);
            }
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1) {
                    parts.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).replace(',', '_'));
                }
            }
        }
        String full = clean(String.join("-", parts), false);
        String ascii = clean(String.join("-", parts), true);
        return "attachment; filename=\"" + ascii + "." + extension + "\"; filename*=UTF-8''" + percentEncoded(full + "." + extension);
    }

    /** Letters (any script, unless {@code ascii}), digits, '.', '_' and '-'; nothing else, and not too long. */
    private static String clean(String name, boolean ascii) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            if (plain || (!ascii && Character.isLetterOrDigit(c))) {
                out.appendCodePoint(c);
            }
        });
        String cleaned = out.toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|-+$", "");
        cleaned = cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH
                ? cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)) : cleaned;
        return cleaned.isEmpty() ? "nianbao" : cleaned;
    }

    /** RFC 8187 value characters: attr-char as is, every other byte of the UTF-8 percent-encoded. */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }
}

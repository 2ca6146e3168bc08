package org.nianbao.service.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Conditional GETs (RFC 9110, section 13.1.2): whether an {@code If-None-Match} header names the current entity tag.
 * The comparison is weak ({@code W/"x"} matches {@code "x"}), the header may list tags, and {@code *} matches any
 * current representation.
 */
public final class EntityTags {

    /** RFC 9110's IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private EntityTags() {
    }

    /** True when {@code ifNoneMatch} names {@code current} (an entity tag as sent in ETag, weak or strong). */
    public static boolean noneMatchHits(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || current == null) {
            return false;
        }
        String opaque = opaque(current.strip());
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (!t.isEmpty() && opaque(t).equals(opaque))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer to a GET whose current representation has {@code etag}: 304 without a body when {@code ifNoneMatch}
     * names it, else 200 with {@code entity}; both with the tag, {@code cacheControl} and, when known,
     * {@code Last-Modified}.
     */
    public static Response answer(String ifNoneMatch, String etag, Object entity, String cacheControl,
                                  OffsetDateTime lastModified) {
        Response.ResponseBuilder response = noneMatchHits(ifNoneMatch, etag) ? Response.notModified() : Response.ok(entity);
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (lastModified != null) {
            response.header(HttpHeaders.LAST_MODIFIED,
                    HTTP_DATE.format(lastModified.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        return response.build();
    }

    /** A weak tag made from the bytes of a representation: it changes whenever they do. */
    public static String weakOf(byte[] representation) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quoted part of a tag, without the weakness prefix. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

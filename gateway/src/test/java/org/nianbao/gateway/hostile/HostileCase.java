package org.nianbao.gateway.hostile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated hostile request. It is sent as it is to every target; {@value #TARGET_MARK} in its path, body or raw
 * head is replaced by the target's letter (g, r, a), so that ids a case creates differ between targets.
 *
 * @param number    the case number: with the seed, enough to generate it again
 * @param kind      the case class it belongs to
 * @param what      what is hostile about it, for the failure list
 * @param method    HTTP method (HttpClient cases)
 * @param path      path and query, as sent (already percent-encoded where meant)
 * @param headers   headers in order, repeats allowed (HttpClient cases)
 * @param body      body text, or null
 * @param charset   how the body text becomes bytes (UTF-8 unless told)
 * @param bodyBytes body bytes, instead of body text (binary, invalid encodings)
 * @param rawHead   protocol-level cases: the whole request head, one char per byte (ISO-8859-1), sent by {@link RawHttp}
 * @param expect    what every target must answer
 * @param owner     the service that owns the path; the other service must refuse it
 * @param storedText for a case that may be stored: the text the stored field must then hold exactly (else null)
 * @param huge      sent in the phase for huge requests, one at a time
 * @param overload  a deliberate overload: 503 with Retry-After is an allowed answer
 */
public record HostileCase(int number, String kind, String what, String method, String path, List<String[]> headers,
                          String body, Charset charset, byte[] bodyBytes, String rawHead, Expect expect, Owner owner,
                          String storedText, boolean huge, boolean overload) {

    public static final String TARGET_MARK = "@T@";

    /** What the targets must answer. */
    public enum Expect {
        /** any 4xx Problem (the exact code is a design choice); nothing stored */
        REFUSED,
        /**
         * any 4xx Problem, or the connection closed without an answer: a body whose framing is broken (a bad chunk)
         * cannot be answered in step, and a server may drop the connection instead
         */
        REFUSED_OR_CLOSED,
        /**
         * a request the HTTP codec cannot parse (the request line, the message framing): refused before any route can
         * see it. Vert.x answers these itself with a 400 without a body, and Quarkus offers no hook to shape that
         * answer, so a bodiless 4xx is accepted here; any body must be a Problem
         */
        REFUSED_BY_CODEC,
        /** as {@link #ANY}, but the codec may also refuse it with a bodiless 4xx (lenient or strict parsing) */
        ANY_OR_REFUSED_BY_CODEC,
        /** 401 or 403 Problem from the gateway and the owning service; nothing stored */
        DENIED,
        /** 2xx, or any 4xx Problem: never 5xx; stored values are checked afterwards */
        ANY
    }

    /** Which service answers the path behind the gateway. */
    public enum Owner { REPORT, AGGREGATION, NONE }

    public byte[] bodyFor(char target) {
        if (bodyBytes != null) {
            return bodyBytes;
        }
        return body == null ? null : body.replace(TARGET_MARK, String.valueOf(target))
                .getBytes(charset == null ? StandardCharsets.UTF_8 : charset);
    }

    public String pathFor(char target) {
        return path.replace(TARGET_MARK, String.valueOf(target));
    }

    public boolean raw() {
        return rawHead != null;
    }

    public String describe() {
        String shown = raw() ? rawHead.lines().findFirst().orElse("") : method + " " + path;
        if (shown.length() > 140) {
            shown = shown.substring(0, 140) + "…(" + shown.length() + " chars)";
        }
        return kind + " #" + number + " " + what + ": " + printable(shown);
    }

    public static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

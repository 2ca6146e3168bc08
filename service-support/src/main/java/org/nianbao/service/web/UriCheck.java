package org.nianbao.service.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request's URI can be read as the REST layer will read it. The HTTP codec's own check is turned off
 * ({@code vertx.disableURIValidation}) because it answers with an empty 400; this one runs first in every route and
 * answers with Problem Details instead. It also refuses percent-escapes that do not spell UTF-8, which the REST layer
 * would otherwise decode into U+FFFD without a word.
 */
final class UriCheck {

    private UriCheck() {
    }

    /** @return what is wrong with the URI, in the client's terms, or null when it is well formed */
    static String problem(String uri) {
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return "the URI is malformed at character " + (e.getIndex() + 1) + " (" + e.getReason().toLowerCase()
                    + "); percent-encode reserved and non-ASCII characters as %XX of their UTF-8 bytes";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') { // URI's check above ensures two hex digits follow
                bytes.write(Integer.parseInt(uri, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "the URI's percent-escapes do not spell UTF-8 text; encode each character as %XX of its UTF-8 bytes";
        }
    }
}

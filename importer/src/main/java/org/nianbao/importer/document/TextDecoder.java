package org.nianbao.importer.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an HTML page or a text file. The charset is taken from, in order: a byte-order mark, the
 * charset of the declared media type, the page's {@code <meta charset>} / {@code <meta http-equiv>}, and last
 * detection (bytes that decode as UTF-8 without error are UTF-8, else GB18030). Decoding is strict: a byte sequence
 * the charset does not define is an error, never a U+FFFD in the text.
 */
final class TextDecoder {

    /** GB18030 is a superset of GBK, which is a superset of GB2312; pages labelled GB2312 often use GBK characters. */
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    record Decoded(String text, Charset charset, List<String> notes) {
    }

    Decoded decode(byte[] bytes, String declaredCharset, boolean html) {
        List<String> notes = new ArrayList<>();
        Optional<Bom> bom = Bom.of(bytes);
        if (bom.isPresent()) {
            String text = strict(bytes, bom.get().length, bom.get().charset)
                    .orElseThrow(() -> undecodable(bom.get().charset.name() + " (its byte-order mark)"));
            return new Decoded(text, bom.get().charset, notes);
        }
        for (String label : labels(bytes, declaredCharset, html)) {
            Optional<Charset> charset = charset(label);
            if (charset.isEmpty()) {
                notes.add("The charset \"" + label + "\" is not known; the charset was detected instead.");
                continue;
            }
            Optional<String> text = strict(bytes, 0, charset.get());
            if (text.isPresent()) {
                return new Decoded(text.get(), charset.get(), notes);
            }
            notes.add("The text is not valid " + label + " as declared; the charset was detected instead.");
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, notes);
        }
        return strict(bytes, 0, GB18030).map(text -> new Decoded(text, GB18030, notes))
                .orElseThrow(() -> undecodable("UTF-8 or GB18030 (GBK, GB2312)"));
    }

    /** The declared charset first, then the page's own declaration. */
    private static List<String> labels(byte[] bytes, String declaredCharset, boolean html) {
        List<String> labels = new ArrayList<>();
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            labels.add(declaredCharset.trim());
        }
        if (html) {
            // the meta tag is ASCII in every charset the pages use (UTF-16 pages carry a byte-order mark)
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher meta = META_CHARSET.matcher(head);
            if (meta.find()) {
                labels.add(meta.group(1));
            }
        }
        return labels;
    }

    private static Optional<Charset> charset(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gbk") || name.equals("x-gbk") || name.equals("cp936")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(label));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static DocumentException undecodable(String tried) {
        return new DocumentException(DocumentException.Reason.UNDECODABLE, "The text cannot be decoded as " + tried
                + "; save it as UTF-8 (or declare its charset, e.g. text/plain;charset=GBK) and send it again.");
    }

    private record Bom(int length, Charset charset) {
        static Optional<Bom> of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return Optional.of(new Bom(3, StandardCharsets.UTF_8));
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return Optional.of(new Bom(2, StandardCharsets.UTF_16BE));
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return Optional.of(new Bom(2, StandardCharsets.UTF_16LE));
            }
            return Optional.empty();
        }
    }
}

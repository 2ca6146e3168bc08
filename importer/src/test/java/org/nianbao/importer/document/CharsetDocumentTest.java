package org.nianbao.importer.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corpus reports saved in the charsets Chinese sites use decode to the text of the UTF-8 original. */
class CharsetDocumentTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private final DocumentReader reader = new DocumentReader();

    @Test
    void textInGbkGb18030AndUtf16ReadsAsTheUtf8Original() {
        String text = corpus("pingtan-2022.txt");
        assertThat(GBK.newEncoder().canEncode(text)).as("the report is GBK text").isTrue();

        for (Charset charset : new Charset[]{StandardCharsets.UTF_8, GBK, GB18030}) {
            ReadDocument read = reader.read(text.getBytes(charset), "text/plain", "报告.txt");
            assertThat(read.content()).as(charset.name()).isEqualTo(text);
            assertThat(read.kind()).isEqualTo(ReadDocument.Kind.TEXT);
        }
        for (Charset charset : new Charset[]{StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ReadDocument read = reader.read(("\uFEFF" + text).getBytes(charset), null, null);
            assertThat(read.content()).as(charset.name()).isEqualTo(text);
        }
    }

    @Test
    void aDeclaredCharsetIsUsedAndAWrongOneIsNoted() {
        String text = corpus("pingtan-2022.txt");

        ReadDocument declared = reader.read(text.getBytes(GBK), "text/plain; charset=GBK", null);
        assertThat(declared.content()).isEqualTo(text);
        assertThat(declared.notes()).isEmpty();

        ReadDocument mislabelled = reader.read(text.getBytes(GBK), "text/plain; charset=UTF-8", null);
        assertThat(mislabelled.content()).isEqualTo(text);
        assertThat(mislabelled.notes()).singleElement().asString().contains("not valid UTF-8 as declared");
    }

    @Test
    void htmlPagesDeclaringGb2312OrGbkInTheirMetaTagReadAsTheOriginal() {
        String page = corpus("shuyang-fgj-2023.html");
        for (String label : new String[]{"gb2312", "GBK", "gb18030"}) {
            String relabelled = page.replaceAll("(?i)charset=\"?utf-8\"?", "charset=\"" + label + "\"");
            ReadDocument read = reader.read(relabelled.getBytes(GB18030), null, null);
            assertThat(read.format()).isEqualTo(DocumentFormat.HTML);
            assertThat(read.content()).as(label).isEqualTo(relabelled);
            assertThat(read.notes()).isEmpty();
        }
        ReadDocument utf16 = reader.read(("\uFEFF" + page).getBytes(StandardCharsets.UTF_16LE), "text/html", null);
        assertThat(utf16.content()).isEqualTo(page);
    }

    @Test
    void bytesThatDecodeInNoCharsetAreRefusedNotReplaced() {
        byte[] broken = {'a', (byte) 0x81, ' ', (byte) 0xFF, (byte) 0xFE, 'b'};

        assertThatThrownBy(() -> reader.read(broken, "text/plain", null))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.UNDECODABLE);
                    assertThat(e.getMessage()).contains("save it as UTF-8");
                });
    }

    @Test
    void anImageIsRefusedAsUnsupported() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

        assertThatThrownBy(() -> reader.read(png, "image/png", "scan.png"))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.UNSUPPORTED_FORMAT);
                    assertThat(e.getMessage()).contains("PNG image").contains("OCR");
                });
    }

    /** A corpus report without its two header lines (# source, # note). */
    private static String corpus(String name) {
        String text = new String(CorpusScore.resource("/corpus/" + name), StandardCharsets.UTF_8);
        return text.lines().skip(2).collect(Collectors.joining("\n", "", "\n"));
    }
}

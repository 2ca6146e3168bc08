package org.nianbao.importer.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;
import org.nianbao.model.template.TemplateCatalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published PDF of a corpus report read through its text layer, and PDFs the reader must refuse. */
class PdfDocumentTest {

    private static final String REPORT = "hongze-qzf-2024";
    private static final byte[] PDF = CorpusScore.resource("/corpus/" + REPORT + ".pdf");
    private final DocumentReader reader = new DocumentReader();

    @Test
    void tableRowsKeepTheirNumbersAsSeparateCells() {
        ReadDocument read = reader.read(PDF, "application/pdf", REPORT + ".pdf");

        assertThat(read.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(row(read, "行政许可")).containsExactly("行政许可", "9487");
        assertThat(row(read, "行政处罚")).containsExactly("行政处罚", "2776");
        assertThat(row(read, "行政规范性文件")).containsExactly("行政规范性文件", "3", "0", "8");
        assertThat(row(read, "一、本年新收")).containsExactly("一、本年新收政府信息公开申请数量", "95", "0", "0", "0", "0",
                "0", "95");
        // a label wrapped over two lines in its cell, the numbers centred between them
        assertThat(row(read, "（二）部分公开")).containsExactly("（二）部分公开（区分处理的，只计这一情 形，不计其他情形）",
                "9", "0", "0", "0", "0", "0", "9");
        // a table split across pages: its last rows are on the next page
        assertThat(read.pages()).hasSize(5);
        assertThat(read.pageOfLine(lineOf(read, "行政许可"))).contains(2);
        assertThat(read.pageOfLine(lineOf(read, "2.没有现成信息需要另行制作"))).contains(4);
        assertThat(row(read, "2.没有现成信息需要另行制作")).containsExactly("2.没有现成信息需要另行制作", "1", "0", "0",
                "0", "0", "0", "1");
    }

    /**
     * Every cell of the published PDF is read right, though the PDF prints the row 2.其他法律行政止公开 with a slip,
     * prints （六）其他处理 as one row of zeros without the three 2021 rows under it, and breaks table 四's headers over
     * lines (结果 / 维持).
     */
    @Test
    void theImporterReadsEveryCellOfThePdf() {
        ImportResult result = reader.read(PDF, null, null).importWith(new ReportImporter(TemplateCatalog.standard()));
        CorpusScore score = CorpusScore.of(REPORT, result);
        System.out.println(REPORT + ".pdf → importer: " + score);

        assertThat(score.problems()).isEmpty();
        assertThat(score.right()).isEqualTo(200);
        assertThat(result.diagnostics().notes())
                .anyMatch(n -> n.contains("2.其他法律行政止公开") && n.contains("differs by a slip"))
                .anyMatch(n -> n.contains("（六）其他处理") && n.contains("every value is 0"));
    }

    @Test
    void aLongPdfKeepsEveryPageAndPrintsItsConversionTime() throws IOException {
        byte[] thirtyPages = repeated(PDF, 6);
        ReportImporter importer = new ReportImporter(TemplateCatalog.standard());
        reader.read(thirtyPages, null, null).importWith(importer);   // warm-up: class loading, font parsing, JIT
        ReadDocument read = null;
        long best = Long.MAX_VALUE;
        long bestImport = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            read = reader.read(thirtyPages, null, null);
            long converted = System.nanoTime();
            read.importWith(importer);
            best = Math.min(best, converted - start);
            bestImport = Math.min(bestImport, System.nanoTime() - start);
        }
        System.out.println("30-page PDF (" + thirtyPages.length + " bytes) converted in " + best / 1_000_000
                + " ms, imported (converted and read) in " + bestImport / 1_000_000 + " ms (best of 3 after a warm-up)");

        assertThat(read.pages()).hasSize(30);
        assertThat(read.content().lines().filter(l -> l.equals("行政许可\t9487"))).hasSize(6);
    }

    @Test
    void aPdfWithoutTextLayerIsRefusedWithAClearMessage() throws IOException {
        byte[] scanned;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xObject, 50, 500);
            }
            document.addPage(new PDPage());
            scanned = save(document);
        }

        assertThatThrownBy(() -> reader.read(scanned, null, "scan.pdf"))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.NO_TEXT_LAYER);
                    assertThat(e.getMessage()).contains("no text layer").contains("OCR it or send the text");
                });
    }

    @Test
    void aPdfOfTenThousandPagesIsRefused() throws IOException {
        byte[] huge;
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 10_000; i++) {
                document.addPage(new PDPage());
            }
            huge = save(document);
        }

        assertThatThrownBy(() -> reader.read(huge, null, null))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("10000 pages").contains("at most 300");
                });
    }

    @Test
    void aPdfWhosePageInflatesPastTheLimitIsRefused() throws IOException {
        byte[] bomb;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] blanks = new byte[1 << 20];
                Arrays.fill(blanks, (byte) ' ');
                for (int i = 0; i < 65; i++) {
                    out.write(blanks);   // 65 MiB of blanks: a valid content stream, deflated to about 65 KiB
                }
            }
            page.setContents(new PDStream(content));
            bomb = save(document);
        }
        assertThat(bomb.length).isLessThan(1 << 20);

        assertThatThrownBy(() -> reader.read(bomb, null, null))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("decompression bomb");
                });
    }

    @Test
    void aFileOverTheByteLimitIsRefusedUnread() {
        DocumentReader small = new DocumentReader(DocumentLimits.defaults().withMaxBytes(100_000));

        assertThatThrownBy(() -> small.read(PDF, null, null))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentException.Reason.TOO_LARGE));
    }

    @Test
    void aDamagedPdfSaysSo() {
        byte[] truncated = Arrays.copyOf(PDF, 2000);

        assertThatThrownBy(() -> reader.read(truncated, null, null))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.reason()).isIn(DocumentException.Reason.UNREADABLE,
                                DocumentException.Reason.NO_TEXT_LAYER));
    }

    private static List<String> row(ReadDocument read, String start) {
        return read.content().lines().filter(l -> l.startsWith(start)).findFirst()
                .map(l -> List.of(l.split("\t"))).orElseThrow(() -> new AssertionError("no row " + start));
    }

    private static int lineOf(ReadDocument read, String start) {
        List<String> lines = read.content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + start);
    }

    private static byte[] repeated(byte[] pdf, int times) throws IOException {
        try (PDDocument merged = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (int i = 0; i < times; i++) {
                try (PDDocument part = Loader.loadPDF(pdf)) {
                    merger.appendDocument(merged, part);
                    save(merged);   // the appended pages refer to the part's objects: write them out while it is open
                }
            }
            return save(merged);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}

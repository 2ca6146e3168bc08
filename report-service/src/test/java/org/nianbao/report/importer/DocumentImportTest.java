package org.nianbao.report.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;
import org.nianbao.testsupport.TestTokens;

/** Reports published as PDF, Word, Excel or text in another charset are read like the text ones; other files are refused. */
@QuarkusTest
class DocumentImportTest {

    private static final Path PDF = Path.of("../importer/src/test/resources/corpus/hongze-qzf-2024.pdf");

    private static final String TITLE = "盐池县教育体育局2021年政府信息公开工作年度报告";
    private static final List<List<String>> TABLE = List.of(
            List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            List.of("规章", "2", "0", "5"),
            List.of("行政规范性文件", "7", "1", "30"));

    @Test
    void aPublishedPdfIsReadSentAsItselfOrAsAnUpload() throws IOException {
        byte[] pdf = Files.readAllBytes(PDF);
        JsonPath raw = given().auth().oauth2(TestTokens.admin()).contentType("application/pdf").body(pdf)
                .post("/api/v1/reports:import").then().statusCode(200).extract().jsonPath();
        JsonPath uploaded = given().auth().oauth2(TestTokens.admin())
                .multiPart("file", "hongze-qzf-2024.pdf", pdf, "application/pdf")
                .post("/api/v1/reports:import").then().statusCode(200).extract().jsonPath();

        for (JsonPath read : List.of(raw, uploaded)) {
            assertThat(read.getString("template")).isEqualTo("GOV_2021");
            assertThat(read.getInt("year")).isEqualTo(2024);
            assertThat(read.getInt("submission.activeDisclosure.licensing.decisions")).isEqualTo(9487);
            assertThat(read.getInt("submission.activeDisclosure.penalty.decisions")).isEqualTo(2776);
        }
        int page = raw.getInt("diagnostics.cells.find { it.code == 'activeDisclosure.licensing.decisions' }.page");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            assertThat(stripper.getText(document)).as("the page the diagnostics name").contains("9487");
        }
        assertThat(raw.getList("diagnostics.cells.page")).doesNotContainNull();
    }

    @Test
    void aPdfUploadIsStoredWithSubmit() throws IOException {
        String agency = Fixtures.newAgency("640323");
        given().auth().oauth2(TestTokens.admin()).contentType("application/octet-stream").body(Files.readAllBytes(PDF))
                .queryParam("submit", true).queryParam("agencyId", agency).post("/api/v1/reports:import")
                .then().statusCode(201).body("stored.version", equalTo(1));
        given().get("/api/v1/agencies/{a}/reports/2024", agency).then().statusCode(200)
                .body("activeDisclosure.licensing.decisions", equalTo(9487));
    }

    @Test
    void wordAndExcelTablesAreRead() throws IOException {
        given().auth().oauth2(TestTokens.admin())
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").body(docx())
                .post("/api/v1/reports:import").then().statusCode(200)
                .body("template", equalTo("GOV_2021")).body("year", equalTo(2021))
                .body("submission.activeDisclosure.rules.inForce", equalTo(5))
                .body("submission.activeDisclosure.normativeDocuments.issued", equalTo(7))
                .body("diagnostics.cells[0].page", nullValue());
        given().auth().oauth2(TestTokens.admin())
                .multiPart("file", "report.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/v1/reports:import").then().statusCode(200)
                .body("template", equalTo("GOV_2021"))
                .body("submission.activeDisclosure.rules.inForce", equalTo(5))
                .body("submission.activeDisclosure.normativeDocuments.issued", equalTo(7));
    }

    @Test
    void aGbkPageReadsAsTheSameUtf8Page() {
        String html = "<html><body><h1>" + TITLE + "</h1><p>二、主动公开政府信息情况</p><table>"
                + "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
                + TABLE.stream().map(row -> "<tr><td>" + String.join("</td><td>", row) + "</td></tr>")
                        .reduce("", String::concat)
                + "</table></body></html>";
        String utf8 = given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=UTF-8")
                .body(html.getBytes(Charset.forName("UTF-8"))).post("/api/v1/reports:import")
                .then().statusCode(200).extract().jsonPath().getMap("submission").toString();
        JsonPath gbk = given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=GBK")
                .body(html.getBytes(Charset.forName("GBK"))).post("/api/v1/reports:import")
                .then().statusCode(200).extract().jsonPath();

        assertThat(gbk.getString("agencyName")).isEqualTo("盐池县教育体育局");
        assertThat(gbk.getInt("submission.activeDisclosure.rules.inForce")).isEqualTo(5);
        assertThat(gbk.getMap("submission").toString()).isEqualTo(utf8);
    }

    @Test
    void aScannedPdfIsRefusedNamingTheMissingTextLayer() throws IOException {
        String agency = Fixtures.newAgency("640323");
        given().auth().oauth2(TestTokens.admin()).contentType("application/pdf").body(scannedPdf())
                .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2024)
                .post("/api/v1/reports:import").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("no text layer")).body("detail", containsString("Nothing was stored"));
        given().get("/api/v1/agencies/{a}/reports/2024", agency).then().statusCode(404);
    }

    @Test
    void anImageIsRefusedAsUnsupported() throws IOException {
        String agency = Fixtures.newAgency("640323");
        byte[] png = png();
        for (String type : List.of("application/octet-stream", "application/pdf")) {
            given().auth().oauth2(TestTokens.admin()).contentType(type).body(png)
                    .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2024)
                    .post("/api/v1/reports:import").then().statusCode(415).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "scan.png", png, "image/png")
                .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2024)
                .post("/api/v1/reports:import").then().statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/agencies/{a}/reports/2024", agency).then().statusCode(404);
    }

    @Test
    void documentsOverTheGeneralBodyLimitReachTheReaderUpToTheDocumentLimit() throws IOException {
        byte[] png = png();
        byte[] threeMegabytes = Arrays.copyOf(png, 3 << 20);
        given().auth().oauth2(TestTokens.admin()).contentType("application/octet-stream").body(threeMegabytes)
                .post("/api/v1/reports:import").then().statusCode(415).contentType("application/problem+json");

        byte[] overTheLimit = Arrays.copyOf(png, (20 << 20) + 1);
        given().auth().oauth2(TestTokens.admin()).contentType("application/pdf").body(overTheLimit)
                .post("/api/v1/reports:import").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("the limit is 20971520"));
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(TITLE);
            document.createParagraph().createRun().setText("二、主动公开政府信息情况");
            XWPFTable table = document.createTable();
            table.getRow(0).getCell(0).setText("第二十条第（一）项");
            for (int r = 0; r < TABLE.size(); r++) {
                XWPFTableRow row = table.createRow();
                for (int c = 0; c < TABLE.get(r).size(); c++) {
                    (c < row.getTableCells().size() ? row.getCell(c) : row.addNewTableCell()).setText(TABLE.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("报告");
            sheet.createRow(0).createCell(0).setCellValue(TITLE);
            sheet.createRow(1).createCell(0).setCellValue("二、主动公开政府信息情况");
            sheet.createRow(2).createCell(0).setCellValue("第二十条第（一）项");
            for (int r = 0; r < TABLE.size(); r++) {
                var row = sheet.createRow(3 + r);
                for (int c = 0; c < TABLE.get(r).size(); c++) {
                    String text = TABLE.get(r).get(c);
                    if (r > 0 && c > 0) {
                        row.createCell(c).setCellValue(Integer.parseInt(text));
                    } else {
                        row.createCell(c).setCellValue(text);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A PDF as a scanner writes it: one page that is an image, no text. */
    private static byte[] scannedPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB)), 50, 500);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}

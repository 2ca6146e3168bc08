package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportEvents;

/**
 * Every table answer as a spreadsheet, read back with POI as a user's spreadsheet program would: 青海省 with its
 * provincial bureau, 西宁市 and 城东区, where 城东区 handled nothing (so it has no disclosure rate).
 */
@QuarkusTest
class SpreadsheetTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SECTOR = "GOVERNMENT";

    @BeforeAll
    static void publish() {
        try (ReportEvents e = ReportEvents.connect()) {
            report(e, "gov-qh", "青海省人民政府办公厅", "630000", 1234, 700, 800);
            report(e, "gov-xn", "西宁市人民政府办公厅", "630100", 56, 30, 40);
            report(e, "gov-cd", "城东区人民政府办公室", "630102", 3, 0, 0);
        }
    }

    private static boolean applied;

    @BeforeEach
    void awaitPublished() {
        if (!applied) {
            Totals.awaitReports("630000", SECTOR, 2022, 3);
            applied = true;
        }
    }

    private static void report(ReportEvents e, String id, String name, String region, int received, int disclosed, int handled) {
        Map<String, BigDecimal> cells = new HashMap<>();
        cells.put("requests.newReceived.total", BigDecimal.valueOf(received));
        cells.put("requests.outcome.disclosed.total", BigDecimal.valueOf(disclosed));
        cells.put("requests.outcome.partiallyDisclosed.total", BigDecimal.ZERO);
        cells.put("requests.outcome.total.total", BigDecimal.valueOf(handled));
        e.version(id, name, region, SECTOR, 2022, "GOV_2021", 1, null, cells, List.of());
    }

    @Test
    void totalsAreASheetWithChineseLabelsAndNumbersThatAreNumbers() throws IOException {
        String path = "/api/v1/regions/630000/totals?year=2022&sector=" + SECTOR;
        JsonPath json = given().get(path).then().statusCode(200).extract().jsonPath();
        Sheet sheet = sheet(given().accept(XLSX).get(path).then().statusCode(200).contentType(XLSX).extract().asByteArray());

        assertThat(texts(sheet.getRow(0))).containsExactly("地区代码", "领域", "机构层级", "年度", "指标代码", "指标名称", "合计", "填报数", "报告数");
        Row received = rowWith(sheet, 4, "requests.newReceived.total");
        assertThat(received.getCell(5).getStringCellValue()).isEqualTo(json.getString("cells.get('requests.newReceived.total').label"));
        assertThat(received.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(BigDecimal.valueOf(received.getCell(6).getNumericCellValue()))
                .isEqualByComparingTo(json.getString("cells.get('requests.newReceived.total').sum")).isEqualByComparingTo("1293");
        assertThat(received.getCell(8).getNumericCellValue()).isEqualTo(3.0);
        // an indicator's row names it in Chinese, and its value is the JSON's
        Row rate = rowWith(sheet, 4, "disclosureRate");
        assertThat(rate.getCell(5).getStringCellValue()).isEqualTo("公开率");
        assertThat(BigDecimal.valueOf(rate.getCell(6).getNumericCellValue())).isEqualByComparingTo(json.getString("indicators.disclosureRate"));
        assertThat(blank(rate.getCell(7))).as("an indicator has no filled count: blank, not 0").isTrue();
    }

    @Test
    void aBlankValueIsABlankCellNeverZero() throws IOException {
        String path = "/api/v1/regions/630100/breakdown?year=2022&metric=disclosureRate&sector=" + SECTOR;
        JsonPath json = given().get(path).then().statusCode(200).extract().jsonPath();
        Sheet sheet = sheet(given().accept(XLSX).get(path).then().statusCode(200).extract().asByteArray());

        assertThat(texts(sheet.getRow(0))).containsExactly("类别", "代码", "名称", "层级", "报告数", json.getString("metricLabel"), "分子", "分母", "占比");
        assertThat(json.getString("metricLabel")).isEqualTo("公开率");
        Row chengdong = rowWith(sheet, 1, "630102");
        assertThat(chengdong.getCell(2).getStringCellValue()).isEqualTo("城东区");
        assertThat(blank(chengdong.getCell(5))).as("no disclosure rate when nothing was handled").isTrue();
        assertThat(chengdong.getCell(7).getNumericCellValue()).as("a real 0 stays 0").isEqualTo(0.0);
        Row xining = rowWith(sheet, 1, "gov-xn");
        assertThat(xining.getCell(5).getNumericCellValue()).isEqualTo(0.75);
        assertThat(sheet.getLastRowNum()).isEqualTo(json.getList("rows").size());
    }

    @Test
    void theSpreadsheetIsAFileWithItsOwnTagRevalidatedLikeTheCsv() {
        String path = "/api/v1/rankings?parent=630000&year=2022&indicator=requests.newReceived.total&sector=" + SECTOR;
        Response xlsx = given().accept(XLSX).get(path);
        Response csv = given().accept("text/csv").get(path);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).isEqualTo("attachment; filename=\"rankings-630000-2022-requests.newReceived.total-"
                + SECTOR + ".xlsx\"; filename*=UTF-8''rankings-630000-2022-requests.newReceived.total-" + SECTOR + ".xlsx");
        assertThat(xlsx.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(xlsx.header("Vary")).isEqualTo("Accept");
        assertThat(xlsx.header("ETag")).startsWith("W/\"").isNotEqualTo(csv.header("ETag"));
        Response unchanged = given().accept(XLSX).header("If-None-Match", xlsx.header("ETag")).get(path);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("Content-Disposition")).isNull();
        // the CSV's tag is not the spreadsheet's
        assertThat(given().accept(XLSX).header("If-None-Match", csv.header("ETag")).get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void aRegionWithChineseNameGoesInFilenameStar() {
        Response xlsx = given().accept(XLSX).get("/api/v1/regions/630000/trend?metric=disclosureRate&from=2021&to=2022&sector=" + SECTOR);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).isEqualTo("attachment; filename=\"630000-trend-disclosureRate-2021-2022-" + SECTOR
                + ".xlsx\"; filename*=UTF-8''630000-%E9%9D%92%E6%B5%B7%E7%9C%81-trend-disclosureRate-2021-2022-" + SECTOR + ".xlsx");
    }

    private static Sheet sheet(byte[] body) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            return book.getSheetAt(0);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column);
    }

    private static boolean blank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK;
    }
}

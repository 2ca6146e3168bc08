package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The oversight dashboard in a real browser (Debian's headless chromium driven by its chromedriver through
 * Selenium; nothing is downloaded) in front of the real services: a province's totals on the page equal the
 * API's, a drill-down click and the breadcrumb work, report text stays text, the quality panel asks for a
 * token and uses one. Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing.
 * Screenshots: target/dashboard.png (1280×800), target/dashboard-full.png (the whole page) and
 * target/dashboard-part-N.png (the whole page, one screen each).
 */
@QuarkusTest
class DashboardTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int YEAR = 2023;
    private static final String PROVINCE = "630000";   // 青海省: no other test writes there
    private static final String CITY = "630100";       // 西宁市
    private static final String HOSTILE_NAME = "海北州教育局<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDashboardIsServedWithEChartsFromTheJarAndTheRootRedirects() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/dashboard/");
        given().redirects().follow(false).get("/dashboard").then().statusCode(302).header("Location", "/dashboard/");
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("/_static/echarts/dist/echarts.min.js"));
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("textContent"));
        given().get("/dashboard/dashboard.css").then().statusCode(200);
        given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("echarts"));
        given().get("/dashboard/reference.json").then().statusCode(200)
                .body("sectors[0].code", equalTo("EDUCATION"))
                .body("regions.find { it[0] == '630100' }[1]", equalTo("西宁市"))
                .body("regions.find { it[0] == '630100' }[3]", equalTo(PROVINCE));
    }

    @Test
    void aProvincesTotalsOnThePageEqualTheApiAndADrillDownClickGoesDown() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromedriver at /usr/bin "
                        + "(apt-get install -y chromium chromium-driver fonts-noto-cjk)");
        submitReports();

        Path profile = Files.createTempDirectory("dashboard-chromium");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=zh-CN");
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
            Page page = new Page(browser);

            // a first visit, then the region search picks the province
            browser.get(new URL(base, "/dashboard/#y=" + YEAR).toString());
            page.settled("000000");
            WebElement search = browser.findElement(By.id("region-search"));
            search.sendKeys("青海");
            page.waitFor("search results", () -> !browser.findElements(By.cssSelector("#region-results li[data-code='" + PROVINCE + "']")).isEmpty());
            browser.findElement(By.cssSelector("#region-results li[data-code='" + PROVINCE + "']")).click();
            page.settled(PROVINCE);
            assertThat(browser.findElement(By.id("region-title")).getText()).isEqualTo("青海省");

            // every total on the page is the API's, a blank one is "—"
            page.assertTotalsEqualApi(PROVINCE);

            // report text is text: the hostile agency name shows as written and runs nothing
            List<String> missing = page.texts("#missing .agency-name");
            assertThat(missing).contains(HOSTILE_NAME);
            assertThat(page.js("return window.__pwned === undefined && document.querySelectorAll('#completeness-body img, #completeness-body script').length === 0"))
                    .isEqualTo(true);
            assertThat(page.texts("#late .agency-name")).containsExactly("城东区教育局");

            // the quality panel asks for a token, then uses one
            assertThat(browser.findElement(By.id("quality-body")).getText()).contains("deploy/token overseer " + PROVINCE);
            browser.findElement(By.cssSelector("#token-box summary")).click();
            browser.findElement(By.id("token-input")).sendKeys(TestTokens.overseer(PROVINCE));
            browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
            page.settled(PROVINCE);
            JsonNode quality = EventJson.mapper().readTree(given().auth().oauth2(TestTokens.overseer(PROVINCE)).queryParam("year", YEAR)
                    .queryParam("size", 20).get("/api/v1/regions/" + PROVINCE + "/quality").then().statusCode(200).extract().asByteArray());
            assertThat(page.texts("#quality-body .rule").size()).isEqualTo(quality.get("warningsByRule").size()).isPositive();
            assertThat(page.texts("#quality-body .quality-grid > div:first-child tbody tr").size()).isEqualTo(quality.get("items").size());

            page.screenshots();

            // a click on a child region goes down, the breadcrumb goes back up
            page.click("#drill-table button.drill[data-code='" + CITY + "']");
            page.settled(CITY);
            assertThat(browser.findElement(By.id("region-title")).getText()).isEqualTo("西宁市");
            assertThat(browser.findElement(By.id("breadcrumb")).getText().replaceAll("\\s", "")).isEqualTo("全国›青海省›西宁市");
            page.assertTotalsEqualApi(CITY);
            assertThat(page.texts("#drill-table tr[data-kind='REGION'] button.drill")).contains("城东区");
            assertThat(browser.findElements(By.cssSelector("#drill-chart canvas"))).isNotEmpty();
            Files.write(Path.of("target", "dashboard-drilled.png"), browser.getScreenshotAs(OutputType.BYTES));
            page.click("#breadcrumb a[data-code='" + PROVINCE + "']");
            page.settled(PROVINCE);
            assertThat(browser.findElement(By.id("region-title")).getText()).isEqualTo("青海省");

            // an indicator as the drill-down metric: the child's value is the API's, as a percentage
            page.js("const s = document.getElementById('metric'); s.value = 'disclosureRate'; s.dispatchEvent(new Event('change'))");
            page.waitFor("the indicator breakdown", () -> Boolean.TRUE.equals(page.js("return location.hash.includes('m=disclosureRate')")));
            page.settled(PROVINCE);
            JsonNode breakdown = EventJson.mapper().readTree(given().queryParam("year", YEAR).queryParam("metric", "disclosureRate")
                    .get("/api/v1/regions/" + PROVINCE + "/breakdown").then().statusCode(200).extract().asByteArray());
            for (JsonNode row : breakdown.get("rows")) {
                String shown = page.text("#drill-table tr[data-code='" + row.get("code").asText() + "'] td:nth-child(3)");
                if (row.get("value") == null || row.get("value").isNull()) {
                    assertThat(shown).as(row.get("code").asText()).isEqualTo("—");
                } else {
                    assertThat(Double.parseDouble(shown.replace("%", ""))).as(row.get("code").asText())
                            .isCloseTo(row.get("value").decimalValue().doubleValue() * 100, org.assertj.core.data.Offset.offset(0.051));
                }
            }

            // two regions compared: B picked by search
            WebElement other = browser.findElement(By.id("compare-search"));
            page.js("arguments[0].scrollIntoView({block: 'center'})", other);
            other.sendKeys("西宁");
            page.waitFor("compare search results", () -> !browser.findElements(By.cssSelector("#compare-results li[data-code='" + CITY + "']")).isEmpty());
            browser.findElement(By.cssSelector("#compare-results li[data-code='" + CITY + "']")).click();
            page.waitFor("the comparison", () -> Boolean.TRUE.equals(page.js("return location.hash.includes('c=" + CITY + "')")));
            page.settled(PROVINCE);
            assertThat(page.texts("#compare-table thead th")).contains("青海省", "西宁市");
            String cityNew = page.text("#compare-table tr[data-metric='requests.newReceived.total'] td:nth-child(3)");
            assertThat(new BigDecimal(cityNew.replace(",", ""))).isEqualByComparingTo(given().queryParam("year", YEAR)
                    .get("/api/v1/regions/" + CITY + "/totals").then().extract().path("cells.'requests.newReceived.total'.sum").toString());

            // CSV export: fetched with Accept: text/csv and saved from a Blob
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            page.click("button[data-csv='drill']");
            Path csv = downloads.resolve("breakdown-" + PROVINCE + "-" + YEAR + "-disclosureRate.csv");
            page.waitFor("the CSV download", () -> Files.exists(csv));
            assertThat(Files.readString(csv)).startsWith("\uFEFFkind,code,name,level,reports,disclosureRate").contains("REGION,630100,西宁市");
        } finally {
            browser.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Four agencies in 青海 (one never reports, one reports late) and three reports for {@value #YEAR}. */
    private static void submitReports() {
        String admin = TestTokens.admin();
        register(admin, "edu-630000", "青海省教育厅", PROVINCE);
        register(admin, "edu-630100", "西宁市教育局", CITY);
        register(admin, "edu-630102", "城东区教育局", "630102");
        register(admin, "edu-632200", HOSTILE_NAME, "632200");
        submit(admin, "edu-630000", 1, "2024-01-20");
        submit(admin, "edu-630100", 2, "2024-01-31");
        submit(admin, "edu-630102", 3, "2024-02-20");
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            given().queryParam("year", YEAR).get("/api/v1/regions/" + PROVINCE + "/totals").then().statusCode(200)
                    .body("reports", equalTo(3)).body("cells.'requests.newReceived.total'.sum", equalTo(35 * 6));
            given().queryParam("year", YEAR).get("/api/v1/regions/" + PROVINCE + "/completeness").then().statusCode(200)
                    .body("expected", equalTo(4)).body("submitted", equalTo(3));
        });
    }

    private static void register(String admin, String id, String name, String region) {
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("id", id, "name", name, "regionCode", region, "sector", "EDUCATION"))
                .post("/api/v1/agencies").then().statusCode(oneOf(201, 409));
    }

    /** A GOV_2021 report scaled by k; the total column alone in some rows gives R3 warnings for the quality panel. */
    private static void submit(String admin, String agency, int k, String publishedOn) {
        String body = """
                {"template":"GOV_2021","publishedOn":"%s",
                 "activeDisclosure":{"rules":{"issued":%d,"repealed":%d,"inForce":%d},"licensing":{"decisions":%d}},
                 "requests":{"newReceived":{"naturalPerson":%d,"commercialEnterprise":%d,"total":%d},
                   "carriedOver":{"naturalPerson":%d,"total":%d},
                   "outcome":{"disclosed":{"naturalPerson":%d,"commercialEnterprise":%d,"total":%d},
                     "partiallyDisclosed":{"total":%d},
                     "withheld":{"stateSecret":{"naturalPerson":%d,"total":%d}},
                     "unavailable":{"notHeld":{"naturalPerson":%d,"commercialEnterprise":%d,"total":%d}},
                     "total":{"naturalPerson":%d,"commercialEnterprise":%d,"total":%d}},
                   "carriedForward":{"naturalPerson":%d,"total":%d}},
                 "reviewLitigation":{"reconsideration":{"upheld":%d,"corrected":%d,"total":%d}}}
                """.formatted(publishedOn, 3 * k, k, 12 * k, 40 * k,
                30 * k, 5 * k, 35 * k,
                2 * k, 2 * k,
                20 * k, 3 * k, 23 * k,
                4 * k,
                k, k,
                3 * k, 2 * k, 5 * k,
                28 * k, 5 * k, 33 * k,
                4 * k, 4 * k,
                k, k, 2 * k);
        given().auth().oauth2(admin).contentType("application/json").body(body)
                .put("/api/v1/agencies/" + agency + "/reports/" + YEAR).then().statusCode(oneOf(200, 201));
    }

    /** The dashboard as the test sees it. */
    private static final class Page {
        private final ChromeDriver browser;

        Page(ChromeDriver browser) {
            this.browser = browser;
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) browser).executeScript(script, args);
        }

        void waitFor(String what, Supplier<Boolean> condition) {
            Eventually.await(Duration.ofSeconds(30), condition, () -> {
                throw new AssertionError("timed out waiting for " + what + "; page state: " + js(
                        "return JSON.stringify({region: document.body.dataset.region, pending: document.body.dataset.pending,"
                                + " ready: document.body.dataset.ready, loading: [...document.querySelectorAll('.card.loading')].map(c => c.id),"
                                + " errors: [...document.querySelectorAll('.status')].map(s => s.textContent).filter(Boolean)})"));
            });
        }

        /** Waits until the page shows {@code region} and no request is in flight; no panel may show an error. */
        void settled(String region) {
            waitFor("the page to settle on " + region, () -> Boolean.TRUE.equals(js(
                    "return document.body.dataset.ready === 'true' && document.body.dataset.pending === '0'"
                            + " && document.body.dataset.region === arguments[0] && !document.querySelector('.card.loading')", region)));
            assertThat(texts(".status").stream().filter(s -> !s.isBlank()).toList()).as("panel errors").isEmpty();
        }

        void click(String css) {
            WebElement element = browser.findElement(By.cssSelector(css));
            js("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        @SuppressWarnings("unchecked")
        List<String> texts(String css) {
            return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
        }

        @SuppressWarnings("unchecked")
        void assertTotalsEqualApi(String region) throws IOException {
            Response r = given().queryParam("year", YEAR).get("/api/v1/regions/" + region + "/totals");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode api = EventJson.mapper().readTree(r.asByteArray());
            JsonNode cells = api.get("cells");

            List<List<String>> shown = (List<List<String>>) js(
                    "return [...document.querySelectorAll('#totals-body td[data-metric]')].map(td => [td.dataset.metric, td.textContent])");
            Set<String> seen = new HashSet<>();
            int numbers = 0;
            List<String> mismatches = new ArrayList<>();
            for (List<String> cell : shown) {
                String code = cell.get(0);
                String text = cell.get(1);
                seen.add(code);
                JsonNode expected = cells.get(code);
                if (expected == null) {
                    if (!text.equals("—")) {
                        mismatches.add(code + ": page " + text + ", API blank");
                    }
                } else if (!text.equals("—") && new BigDecimal(text.replace(",", "")).compareTo(expected.get("sum").decimalValue()) == 0) {
                    numbers++;
                } else {
                    mismatches.add(code + ": page " + text + ", API " + expected.get("sum"));
                }
            }
            assertThat(mismatches).as("totals of %s on the page vs the API", region).isEmpty();
            cells.fieldNames().forEachRemaining(code -> assertThat(seen).as("the page shows every total of the API").contains(code));
            assertThat(numbers).isEqualTo(cells.size()).isGreaterThan(20);

            assertThat(text("[data-kpi='reports'] .value")).isEqualTo(String.valueOf(api.get("reports").asInt()));
            assertThat(new BigDecimal(text("[data-kpi='requests.newReceived.total'] .value").replace(",", "")))
                    .isEqualByComparingTo(cells.get("requests.newReceived.total").get("sum").decimalValue());

            List<List<String>> indicators = (List<List<String>>) js(
                    "return [...document.querySelectorAll('#indicators-table td[data-indicator]')].map(td => [td.dataset.indicator, td.textContent])");
            assertThat(indicators).hasSize(api.get("indicators").size());
            for (List<String> shownIndicator : indicators) {
                JsonNode value = api.get("indicators").get(shownIndicator.get(0));
                if (value == null || value.isNull()) {
                    assertThat(shownIndicator.get(1)).as(shownIndicator.get(0)).isEqualTo("—");
                } else {
                    double percent = Double.parseDouble(shownIndicator.get(1).replace("%", "").replace("+", ""));
                    assertThat(percent).as(shownIndicator.get(0)).isCloseTo(value.decimalValue().doubleValue() * 100,
                            org.assertj.core.data.Offset.offset(0.051));
                }
            }
        }

        String text(String css) {
            return (String) js("return document.querySelector(arguments[0]).textContent", css);
        }

        /** target/dashboard.png as a 1280×800 screen shows it, and target/dashboard-full.png with the whole page. */
        void screenshots() throws IOException {
            js("window.scrollTo(0, 0)");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
            Number height = (Number) js("return document.documentElement.scrollHeight");
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1)));
            Files.write(Path.of("target", "dashboard-full.png"), Base64.getDecoder().decode((String) shot.get("data")));
            // and the whole page in screen-sized parts, for a reader that shows one screen at a time
            for (int part = 0; part * 800 < height.intValue(); part++) {
                Map<String, Object> piece = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", part * 800, "width", 1280,
                                "height", Math.min(800, height.intValue() - part * 800), "scale", 1)));
                Files.write(Path.of("target", "dashboard-part-" + (part + 1) + ".png"),
                        Base64.getDecoder().decode((String) piece.get("data")));
            }
        }
    }
}

package org.nianbao.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nianbao.model.validation.ReportDates;
import org.nianbao.report.support.Fixtures;

/**
 * A value that cannot be stored as sent is refused where it comes in, by PUT, batch or agency registration, with a
 * Problem naming its field, and nothing of the request is stored; a body is read in the charset it declares.
 */
@QuarkusTest
class SubmittedValuesTest {

    /** Sends bodies as the bytes given, with the Content-Type given, without adding a charset of its own. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final String AMOUNT = "\"@amount@\"";

    /** The 2020 report of seed 004 with one field replaced by the JSON text given. */
    private static String withField(String field, String json) {
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        if (field.equals("amount")) {
            ((ObjectNode) report.get("activeDisclosure")).putObject("procurement").put("amount", "@amount@");
            return report.toString().replace(AMOUNT, json);
        }
        report.put(field, "@value@");
        return report.toString().replace("\"@value@\"", json);
    }

    private static String tomorrow() {
        return "\"" + LocalDate.now(ReportDates.ZONE).plusDays(1) + "\"";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "publishedOn | \"+999999999-12-31\" | publishedOn",
            "publishedOn | \"-0001-01-01\"      | publishedOn",
            "publishedOn | \"1900-01-01\"       | publishedOn",
            "publishedOn | \"２０２１-01-20\"    | publishedOn",
            "amount      | 1e-400              | activeDisclosure.procurement.amount",
            "amount      | 4.9e-324            | activeDisclosure.procurement.amount",
            "amount      | 1e-20               | activeDisclosure.procurement.amount",
            "amount      | 12.34567            | activeDisclosure.procurement.amount",
            "amount      | 1e10                | activeDisclosure.procurement.amount",
            "overview    | \"总体情况\\u0000\"   | overview",
            "overview    | \"总体\\ud800情况\"   | overview",
            "otherMatters | \"\\u001b[2J\"      | otherMatters"})
    void aValueThatCannotBeStoredIsRefusedByPutAndBatchAndNothingIsStored(String field, String json, String named) {
        String agency = Fixtures.newAgency("640323");
        String body = withField(field, json);
        refused(given().contentType("application/json").body(body).put("/api/v1/agencies/{a}/reports/2020", agency), named);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);

        String other = Fixtures.newAgency("640323");
        String batch = "{\"reports\": [" + Fixtures.report("seed-004-yanchi-2020.json").put("agencyId", other).put("year", 2020)
                + ", " + body.replaceFirst("\\{", "{\"agencyId\": \"" + agency + "\", \"year\": 2020, ") + "]}";
        refused(given().contentType("application/json").body(batch).post("/api/v1/reports:batch"), "reports[1]." + named);
        given().get("/api/v1/agencies/{a}/reports/2020", other).then().statusCode(404);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
    }

    @Test
    void aDateInTheFutureIsRefused() {
        String agency = Fixtures.newAgency("640323");
        refused(given().contentType("application/json").body(withField("publishedOn", tomorrow()))
                .put("/api/v1/agencies/{a}/reports/2020", agency), "publishedOn");
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
    }

    @Test
    void anAmountToTheYuanAndALatePublicationAreAccepted() {
        String agency = Fixtures.newAgency("640323");
        given().contentType("application/json").body(withField("amount", "12.3456")).put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(201);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200)
                .body("activeDisclosure.procurement.amount", equalTo(12.3456f));
        given().contentType("application/json").body(withField("publishedOn", "\"2023-12-06\""))
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200)
                .body("publishedOn", equalTo("2023-12-06"));
    }

    @Test
    void anAgencyNameWithANulIsRefusedOnCreateAndUpdate() {
        given().contentType("application/json")
                .body(Map.of("id", "test-nul-name", "name", "教育局\u0000", "regionCode", "640323", "sector", "EDUCATION"))
                .post("/api/v1/agencies").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("name"));
        given().get("/api/v1/agencies/test-nul-name").then().statusCode(404);

        String agency = Fixtures.newAgency("640323");
        String name = given().get("/api/v1/agencies/{a}", agency).then().statusCode(200).extract().path("name");
        given().contentType("application/json")
                .body("{\"name\": \"教育局\\ud800\", \"regionCode\": \"640323\", \"sector\": \"EDUCATION\"}")
                .put("/api/v1/agencies/{a}", agency).then().statusCode(422).body("errors.field", hasItem("name"));
        given().get("/api/v1/agencies/{a}", agency).then().statusCode(200).body("name", equalTo(name)).body("revision", equalTo(1));
    }

    @Test
    void aLoneSurrogateEchoedInAProblemIsStillAProblem() {
        String agency = Fixtures.newAgency("640323");
        given().contentType("application/json").body("{\"template\": \"\\ud800\", \"\\udc00\": 1, \"agencyId\": \"\\ud800\"}")
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("template"))
                .body("errors.field", hasItem("agencyId"));
        given().contentType("application/json")
                .body("{\"id\": \"x\\ud800\", \"name\": \"教育局\", \"regionCode\": \"64\\ud8000\", \"sector\": \"\\u0000\"}")
                .post("/api/v1/agencies").then().statusCode(422).body("errors.field", hasItem("regionCode"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "GB18030"})
    void aBodyInADeclaredChineseCharsetIsStoredAsWritten(String charset) {
        String agency = Fixtures.newAgency("640323");
        String overview = "二〇二〇年，盐池县教育体育局认真贯彻落实《中华人民共和国政府信息公开条例》。";
        String body = withField("overview", "\"" + overview + "\"");
        given().config(RAW).contentType("application/json; charset=" + charset).body(body.getBytes(Charset.forName(charset)))
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(201);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200).body("overview", equalTo(overview));

        String other = Fixtures.newAgency("640323");
        String batch = "{\"reports\": [" + body.replaceFirst("\\{", "{\"agencyId\": \"" + other + "\", \"year\": 2020, ") + "]}";
        given().config(RAW).contentType("application/json;charset=" + charset).body(batch.getBytes(Charset.forName(charset)))
                .post("/api/v1/reports:batch").then().statusCode(200);
        given().get("/api/v1/agencies/{a}/reports/2020", other).then().statusCode(200).body("overview", equalTo(overview));
    }

    @Test
    void aLatin1BodyIsDecodedAsLatin1() {
        String agency = Fixtures.newAgency("640323");
        String overview = "Rapport annuel – café, naïve, Ø";
        String body = withField("overview", "\"" + overview.replace("–", "-") + "\"");
        given().config(RAW).contentType("application/json; charset=ISO-8859-1").body(body.getBytes(StandardCharsets.ISO_8859_1))
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(201);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200)
                .body("overview", equalTo(overview.replace("–", "-")));
    }

    @Test
    void aCharsetJavaDoesNotKnowIsRefusedWith415() {
        String agency = Fixtures.newAgency("640323");
        given().config(RAW).contentType("application/json; charset=x-no-such-charset")
                .body(withField("overview", "\"x\"").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(415)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("Content-Type"));
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
    }

    @Test
    void anUndeclaredBodyThatIsNoUtf8IsRefusedSayingSo() {
        String agency = Fixtures.newAgency("640323");
        byte[] gbk = withField("overview", "\"总体情况\"").getBytes(Charset.forName("GBK"));
        given().config(RAW).contentType("application/json").body(gbk).put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("not valid UTF-8"));
        String batch = "{\"reports\": [" + withField("overview", "\"总体情况\"")
                .replaceFirst("\\{", "{\"agencyId\": \"" + agency + "\", \"year\": 2020, ") + "]}";
        given().config(RAW).contentType("application/json").body(batch.getBytes(Charset.forName("GBK")))
                .post("/api/v1/reports:batch").then().statusCode(400).body("detail", containsString("not valid UTF-8"));
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/agencies/%00", "/api/v1/agencies/%00/reports/2020", "/api/v1/agencies/edu%0A640323",
            "/api/v1/agencies/EDU-640323/reports/2020/versions"})
    void aPathWhoseAgencyIdIsNoIdIsRefusedBeforeAnyLookup(String path) {
        String field = path.contains("/reports/") ? "agencyId" : "id";
        given().urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90" /* ２０２０ */, "02020", "%2B2020", "0999", "20200"})
    void aYearThatIsNotWrittenAsOneIsRefused(String year) {
        given().urlEncodingEnabled(false).get("/api/v1/agencies/edu-640323/reports/" + year).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"));
        given().urlEncodingEnabled(false).contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/edu-640323/reports/" + year).then().statusCode(400).body("errors.field", hasItem("year"));
        given().urlEncodingEnabled(false).get("/api/v1/reports?year=" + year).then().statusCode(400).body("errors.field", hasItem("year"));
    }

    @Test
    void aPathWithABadIdAndABadYearNamesBoth() {
        given().urlEncodingEnabled(false).delete("/api/v1/agencies/%00/reports/02020").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("agencyId", "year"));
    }

    @Test
    void aListingForAYearWithoutReportsIsRefused() {
        given().get("/api/v1/reports?year=2007").then().statusCode(400).body("errors.field", hasItem("year"));
        given().get("/api/v1/reports?year=2020").then().statusCode(200);
    }

    @Test
    void aPageBeyondWhatAnOffsetHoldsIsRefused() {
        given().get("/api/v1/agencies?page=3000000&size=1000").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("page"));
        given().get("/api/v1/reports?page=3000000&size=1000").then().statusCode(400).body("errors.field", hasItem("page"));
        given().get("/api/v1/agencies?size=5000").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/agencies?page=2147483&size=1000").then().statusCode(200);
    }

    private static void refused(io.restassured.response.Response r, String field) {
        ValidatableResponse then = r.then();
        assertThat(r.statusCode()).as(r.asString()).isIn(400, 422);
        then.contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }
}

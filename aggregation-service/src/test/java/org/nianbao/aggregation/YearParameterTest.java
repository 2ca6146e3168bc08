package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A year is written in 4 ASCII digits: Java's own number parsing would also read ２０２３ and 02023 as 2023. */
@QuarkusTest
class YearParameterTest {

    @ParameterizedTest
    @ValueSource(strings = {"%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%93" /* ２０２３ */, "02023", "%2B2023", "2023.0"})
    void aYearNotWrittenAsOneIsRefusedNamingTheParameter(String year) {
        given().urlEncodingEnabled(false).get("/api/v1/regions/640000/totals?year=" + year).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        given().urlEncodingEnabled(false).get("/api/v1/regions/640000/trend?metric=requests.newReceived.total&from=" + year)
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().urlEncodingEnabled(false).get("/api/v1/regions/640000/totals?year=2023").then().statusCode(200);
    }
}

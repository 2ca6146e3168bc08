package org.nianbao.model.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.model.template.TemplateCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each value of a submission is checked against what may be stored: dates, numbers by cell kind, texts. */
class SubmittedValuesTest {

    /** As the report service reads bodies: decimals exactly, never through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** 15 June 2025, 01:00 in Beijing: still 14 June in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-14T17:00:00Z"), ReportDates.ZONE);
    private final SubmissionParser parser = new SubmissionParser(TemplateCatalog.standard(), CLOCK);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ParseResult published(int year, String date) {
        return parser.parse(json("{'template': 'GOV_2021', 'year': %d, 'publishedOn': '%s'}".formatted(year, date)));
    }

    @Test
    void aReportPublishedYearsLateIsAccepted() {
        // the seed report for 2014 of 晋中市教育局, published on 6 December 2017
        ParseResult result = parser.parse(json("{'template': 'LEGACY', 'year': 2014, 'publishedOn': '2017-12-06'}"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.report().publishedOn()).isEqualTo(LocalDate.of(2017, 12, 6));
    }

    @Test
    void publicationRunsFromDecemberOfTheReportYearToToday() {
        assertThat(published(2022, "2022-12-01").valid()).isTrue();
        assertThat(published(2022, "2023-01-31").valid()).isTrue();
        assertThat(published(2024, "2025-06-15").valid()).as("today in China, although still yesterday in UTC").isTrue();

        assertThat(published(2022, "2022-11-30").problems()).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("publishedOn", "OUT_OF_RANGE"));
        assertThat(published(2022, "1900-01-01").problems()).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("publishedOn", "OUT_OF_RANGE"));
        assertThat(published(2024, "2025-06-16").problems()).extracting(Problem::field, Problem::message)
                .containsExactly(tuple("publishedOn", "publishedOn 2025-06-16 is in the future (today is 2025-06-15 in China)"));
    }

    @Test
    void theYearOfThePathBoundsTheDateWhenTheBodyHasNone() {
        JsonNode body = json("{'template': 'GOV_2021', 'publishedOn': '2019-01-20'}");
        assertThat(parser.parse(body, 2018).valid()).isTrue();
        assertThat(parser.parse(body, 2022).problems()).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("publishedOn", "OUT_OF_RANGE"));
        assertThat(parser.parse(json("{'template': 'GOV_2021', 'publishedOn': '2001-01-20'}")).problems())
                .as("without any year, no date before the first reports").extracting(Problem::type).containsExactly("OUT_OF_RANGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-0001-01-01", "+2023-01-20", "02023-01-20", "２０２３-01-20", "2023-1-20",
            "2023-02-29", "2023-01-20T00:00", " 2023-01-20"})
    void onlyRealDatesWrittenAsYyyyMmDdAreDates(String date) {
        assertThat(published(2022, date).problems()).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("publishedOn", "INVALID_DATE"));
    }

    @Test
    void yearsAreFourAsciiDigits() {
        assertThat(ReportDates.parseYear("2022")).isEqualTo(2022);
        assertThat(ReportDates.parseYear("２０２２")).isNull();
        assertThat(ReportDates.parseYear("02022")).isNull();
        assertThat(ReportDates.parseYear("+2022")).isNull();
        assertThat(ReportDates.parseYear("0999")).isNull();
        assertThat(ReportDates.parseYear("")).isNull();
    }

    private List<Problem> amount(String number) {
        ParseResult result = parser.parse(json("{'template': 'GOV_2019', 'activeDisclosure': {'procurement': {'amount': "
                + number + "}}}"));
        return result.problems();
    }

    private List<Problem> count(String number) {
        return parser.parse(json("{'template': 'GOV_2019', 'requests': {'newReceived': {'naturalPerson': " + number + "}}}"))
                .problems();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "4.9e-324", "1e-20", "12.34567", "0.00001"})
    void amountsHaveAtMostFourDecimalPlaces(String number) {
        assertThat(amount(number)).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("activeDisclosure.procurement.amount", "TOO_PRECISE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10", "1000000000.0001", "1e999999999", "-1e10"})
    void amountsHaveASaneMagnitude(String number) {
        assertThat(amount(number)).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("activeDisclosure.procurement.amount", "OUT_OF_RANGE"));
    }

    @Test
    void anAmountToTheYuanIsKeptExactly() {
        ParseResult result = parser.parse(json("{'template': 'GOV_2019', 'activeDisclosure': {'procurement': {'amount': 12.3456}}}"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.report().cells()).containsEntry("activeDisclosure.procurement.amount", new BigDecimal("12.3456"));
        assertThat(amount("1e9")).isEmpty();
        assertThat(amount("12.34560000")).isEmpty();
    }

    @Test
    void countsAreWholeAndAtMostABillion() {
        assertThat(count("1000000000")).isEmpty();
        assertThat(count("1e3")).isEmpty();
        assertThat(count("1000000001")).extracting(Problem::type).containsExactly("OUT_OF_RANGE");
        assertThat(count("1e-20")).extracting(Problem::type).containsExactly("NOT_WHOLE");
        assertThat(count("-1")).extracting(Problem::type).containsExactly("NEGATIVE_COUNT");
        List<Problem> change = parser.parse(json("{'template': 'GOV_2019', 'activeDisclosure': {'licensing': {'change': -1000000000}}}"))
                .problems();
        assertThat(change).as("a change may be negative, within the same magnitude").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "\u001b[31m", "\ud800", "x\udc00y", "\ud800\ud800"})
    void textsAreValidUnicodeWithoutControlCharacters(String text) {
        var body = JSON.createObjectNode().put("template", "GOV_2021").put("overview", text).put("agencyId", text);
        assertThat(parser.parse(body).problems()).extracting(Problem::field, Problem::type)
                .containsExactly(tuple("overview", "INVALID_TEXT"), tuple("agencyId", "INVALID_TEXT"));
    }

    @Test
    void textsKeepTabsNewlinesAndCharactersBeyondTheBasicPlane() {
        String text = "一、总体情况\r\n\t𠀀𪚥 ok";
        var body = JSON.createObjectNode().put("template", "GOV_2021").put("overview", text);
        ParseResult result = parser.parse(body);
        assertThat(result.problems()).isEmpty();
        assertThat(result.report().texts()).containsEntry("overview", text);
    }

    @Test
    void anAgencyIdHasTheFormOfOne() {
        assertThat(parser.parse(json("{'template': 'GOV_2021', 'agencyId': 'EDU 640323'}")).problems())
                .extracting(Problem::field, Problem::type).containsExactly(tuple("agencyId", "INVALID_ID"));
    }
}

package org.nianbao.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubmissionParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SubmissionParser parser = new SubmissionParser(TemplateCatalog.standard());

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Problem> problems(String body) {
        ParseResult result = parser.parse(json(body));
        assertThat(result.valid()).as("refused").isFalse();
        return result.problems();
    }

    @Test
    void readsAWellFormedSubmission() {
        ParseResult result = parser.parse(json("""
                {'template': 'GOV_2021', 'agencyId': 'a-430602-jyj', 'year': 2023, 'publishedOn': '2024-01-31',
                 'overview': '2023年，我局……', 'problems': null,
                 'activeDisclosure': {'rules': {'issued': 2, 'repealed': 0, 'inForce': 11},
                                      'fees': {'amount': 12.50}},
                 'requests': {'newReceived': {'naturalPerson': 3, 'total': 3.0},
                              'outcome': {'other': {'feeUnpaid': {'total': 1}}}},
                 'reviewLitigation': {'reconsideration': {'total': 0}}}
                """));

        assertThat(result.valid()).isTrue();
        ParsedReport report = result.report();
        assertThat(report.template()).isEqualTo("GOV_2021");
        assertThat(report.year()).isEqualTo(2023);
        assertThat(report.agencyId()).isEqualTo("a-430602-jyj");
        assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(report.texts()).containsOnlyKeys("overview");
        assertThat(report.cells()).containsEntry("requests.outcome.other.feeUnpaid.total", BigDecimal.ONE)
                .containsEntry("requests.newReceived.total", new BigDecimal("3"))
                .containsEntry("activeDisclosure.fees.amount", new BigDecimal("12.5"))
                .containsEntry("reviewLitigation.reconsideration.total", BigDecimal.ZERO)
                .hasSize(8);
        assertThat(report.blankCells()).isEmpty();
    }

    @Test
    void nullStaysBlankAndIsNeverZero() {
        ParsedReport report = parser.parse(json("""
                {'template': 'GOV_2019', 'requests': {'newReceived': {'naturalPerson': null, 'total': 0}}}
                """)).report();

        assertThat(report.cells()).containsOnlyKeys("requests.newReceived.total");
        assertThat(report.blankCells()).containsExactly("requests.newReceived.naturalPerson");
        assertThat(report.year()).isNull();
        assertThat(report.publishedOn()).isNull();
    }

    @Test
    void aWholeSectionMayBeNullOrEmpty() {
        ParseResult result = parser.parse(json("{'template': 'LEGACY', 'requests': null, 'activeDisclosure': {}}"));
        assertThat(result.valid()).isTrue();
        assertThat(result.report().cells()).isEmpty();
    }

    @Test
    void collectsEveryProblemAtOnce() {
        List<Problem> problems = problems("""
                {'template': 'GOV_2019',
                 'requests': {'newReceived': {'naturalPerson': '12', 'total': -1},
                              'carriedOver': {'total': 1.5},
                              'outcome': {'other': {'noCorrection': {'naturalPerson': 1}}}}}
                """);

        assertThat(problems).extracting(Problem::field, Problem::type, Problem::rule).containsExactly(
                tuple("requests.newReceived.naturalPerson", "WRONG_TYPE", null),
                tuple("requests.newReceived.total", "NEGATIVE_COUNT", "R5"),
                tuple("requests.carriedOver.total", "NOT_WHOLE", "R5"),
                tuple("requests.outcome.other.noCorrection.naturalPerson", "UNKNOWN_CELL", null));
        assertThat(problems.get(0).rejectedValue()).isEqualTo("12");
        assertThat(problems.get(1).rejectedValue()).isEqualTo(new BigDecimal("-1"));
        assertThat(problems.get(3).message())
                .isEqualTo("requests.outcome.other.noCorrection.naturalPerson is a GOV_2021 cell; this report uses GOV_2019");
    }

    @Test
    void unknownCellsSayWhereTheyBelong() {
        List<Problem> problems = problems("""
                {'template': 'LEGACY', 'requests': {'newReceived': {'total': 1}, 'outcome': {'withheld': {'total': 1}}},
                 'activeDisclosure': {'rules': {'bogus': 1}}}
                """);

        assertThat(problems).extracting(Problem::type).containsOnly("UNKNOWN_CELL");
        assertThat(problems).extracting(Problem::message).containsExactly(
                "requests.newReceived.total is a GOV_2019 and GOV_2021 cell; this report uses LEGACY",
                "requests.outcome.withheld.total is a derived sum, computed from its rows; send the rows instead",
                "activeDisclosure.rules.bogus is not a cell of LEGACY");
    }

    @Test
    void numbersAreStrictlyTyped() {
        List<Problem> problems = problems("""
                {'template': 'GOV_2019',
                 'requests': {'newReceived': {'naturalPerson': true, 'total': {'x': 1}}, 'carriedOver': 5,
                              'outcome': {'disclosed': {'total': [1]}}},
                 'activeDisclosure': {'procurement': {'amount': 1e13}}}
                """);

        assertThat(problems).extracting(Problem::field, Problem::type).containsExactly(
                tuple("requests.newReceived.naturalPerson", "WRONG_TYPE"),
                tuple("requests.newReceived.total", "WRONG_TYPE"),
                tuple("requests.carriedOver", "WRONG_TYPE"),
                tuple("requests.outcome.disclosed.total", "WRONG_TYPE"),
                tuple("activeDisclosure.procurement.amount", "OUT_OF_RANGE"));
    }

    @Test
    void cellKindsDecideWhatANumberMayBe() {
        ParseResult result = parser.parse(json("""
                {'template': 'GOV_2019',
                 'activeDisclosure': {'licensing': {'change': -3}, 'procurement': {'amount': 0.75, 'items': 2.0}}}
                """));
        assertThat(result.valid()).isTrue();
        assertThat(result.report().cells()).containsEntry("activeDisclosure.licensing.change", new BigDecimal("-3"))
                .containsEntry("activeDisclosure.procurement.amount", new BigDecimal("0.75"))
                .containsEntry("activeDisclosure.procurement.items", new BigDecimal("2"));

        assertThat(problems("""
                {'template': 'GOV_2019',
                 'activeDisclosure': {'licensing': {'change': 0.5}, 'procurement': {'amount': -0.75}}}
                """)).extracting(Problem::type).containsExactly("NOT_WHOLE", "NEGATIVE_COUNT");
    }

    @Test
    void topLevelFieldsAreChecked() {
        List<Problem> problems = problems("""
                {'year': '2019', 'publishedOn': '2020-02-30', 'agencyId': 7, 'status': 'PUBLISHED',
                 'overview': 42}
                """);

        assertThat(problems).extracting(Problem::field, Problem::type).containsExactly(
                tuple("template", "REQUIRED"),
                tuple("year", "WRONG_TYPE"),
                tuple("publishedOn", "INVALID_DATE"),
                tuple("agencyId", "WRONG_TYPE"),
                tuple("status", "UNKNOWN_FIELD"),
                tuple("overview", "WRONG_TYPE"));
    }

    @Test
    void templateMustBeOneOfTheCatalogs() {
        assertThat(problems("{'template': 'GOV_2020', 'year': 2019.5}"))
                .extracting(Problem::field, Problem::type)
                .containsExactly(tuple("template", "UNKNOWN_TEMPLATE"), tuple("year", "WRONG_TYPE"));
        assertThat(problems("{'template': 2019}")).extracting(Problem::type).containsExactly("WRONG_TYPE");
    }

    @Test
    void withAnUnknownTemplateCellsAreStillChecked() {
        assertThat(problems("{'template': 'X', 'requests': {'newReceived': {'total': -1, 'bogus': 1}}}"))
                .extracting(Problem::field, Problem::type).containsExactly(
                        tuple("template", "UNKNOWN_TEMPLATE"),
                        tuple("requests.newReceived.total", "NEGATIVE_COUNT"),
                        tuple("requests.newReceived.bogus", "UNKNOWN_CELL"));
    }

    @Test
    void textsHaveALimit() {
        ObjectNode body = JSON.createObjectNode().put("template", "GOV_2021")
                .put("problems", "问".repeat(SubmissionParser.MAX_TEXT_LENGTH + 1))
                .put("otherMatters", "无".repeat(SubmissionParser.MAX_TEXT_LENGTH));

        List<Problem> problems = parser.parse(body).problems();

        assertThat(problems).extracting(Problem::field, Problem::type).containsExactly(tuple("problems", "TOO_LONG"));
    }

    @Test
    void aBodyThatIsNoObjectIsMalformed() {
        assertThat(parser.parse(json("[1, 2]")).problems()).extracting(Problem::type).containsExactly("MALFORMED");
        assertThat(parser.parse(null).problems()).extracting(Problem::type).containsExactly("MALFORMED");
    }

    @Test
    void dottedKeysAreNotAShortcut() {
        assertThat(problems("{'template': 'GOV_2019', 'requests': {'newReceived.total': 1}}"))
                .extracting(Problem::field, Problem::type)
                .containsExactly(tuple("requests.newReceived.total", "UNKNOWN_CELL"));
    }

    @Test
    void plausibleYearsRunFrom2008ToNow() {
        assertThat(SubmissionParser.plausibleYear(2008, 2025)).isTrue();
        assertThat(SubmissionParser.plausibleYear(2025, 2025)).isTrue();
        assertThat(SubmissionParser.plausibleYear(2007, 2025)).isFalse();
        assertThat(SubmissionParser.plausibleYear(2026, 2025)).isFalse();
    }
}

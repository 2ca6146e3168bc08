package org.nianbao.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.model.validation.Problem;

/** What a client reads when the JSON reader refuses its body: the field and the value it needs, in its terms. */
class JsonProblemsTest {

    record Agency(String name, Boolean active, Integer size, List<String> tags, Object extra) {
    }

    record Batch(List<Agency> agencies) {
    }

    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(50).build()).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void textThatIsNotJsonSaysWhere() {
        assertThat(problem("{\"name\":\"a\",\n  \"active\": tru}", Agency.class).message())
                .startsWith("the body is not valid JSON at line 2 column");
        assertThat(problem("{\"name\":", Agency.class).type()).isEqualTo(Problem.MALFORMED);
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItMustBe() {
        Problem p = problem("{\"active\":\"yes\"}", Agency.class);
        assertThat(p.field()).isEqualTo("active");
        assertThat(p.message()).isEqualTo("`active` must be true or false");
        assertThat(p.rejectedValue()).isEqualTo("yes");
        assertThat(problem("{\"size\":\"many\"}", Agency.class).message()).isEqualTo("`size` must be a whole number");
        assertThat(problem("{\"tags\":{}}", Agency.class).message()).isEqualTo("`tags` must be a JSON array");
        assertThat(problem("{\"agencies\":[{\"active\":[]}]}", Batch.class).message())
                .isEqualTo("`agencies[0].active` must be true or false");
    }

    @Test
    void aNumberTooLargeForItsFieldIsNotCalledMalformed() {
        assertThat(problem("{\"size\":99999999999}", Agency.class).message()).isEqualTo("`size` is too large for a whole number");
    }

    @Test
    void aBodyOfTheWrongShapeSaysWhatItMustBe() {
        assertThat(problem("[]", Agency.class).message()).isEqualTo("the body must be a JSON object");
        assertThat(problem("{\"nickname\":\"x\"}", Agency.class).message()).isEqualTo("`nickname` is not a field of this body");
    }

    @Test
    void readerLimitsAreSaidWithTheirNumbers() {
        assertThat(problem("{\"extra\":" + "[".repeat(20) + "]".repeat(20) + "}", Agency.class).message())
                .isEqualTo("the body nests deeper than 8 levels");
        assertThat(problem("{\"name\":\"" + "x".repeat(60) + "\"}", Agency.class).message())
                .isEqualTo("a string in the body is longer than 50 characters");
    }

    @Test
    void noMessageNamesTheLibrary() {
        for (String body : List.of("{", "[]", "{\"active\":\"yes\"}", "{\"nickname\":1}", "{\"tags\":" + "[".repeat(20),
                "{\"name\":\"" + "x".repeat(60) + "\"}", "{\"size\":1e400}", "nul")) {
            String message = JsonProblems.of(thrown(body, Agency.class)).getMessage();
            assertThat(ClientText.isClean(message)).as("%s → %s", body, message).isTrue();
        }
    }

    @Test
    void libraryTextIsRecognised() {
        assertThat(ClientText.isClean("Cannot deserialize value of type `com.fasterxml.jackson.databind.JsonNode`")).isFalse();
        assertThat(ClientText.isClean("exceeds (32, from `StreamReadConstraints.getMaxNestingDepth()`)")).isFalse();
        assertThat(ClientText.isClean("HTTP 404 Not Found")).isFalse();
        assertThat(ClientText.isClean("only agency edu-640323 (a submitter token with agency=edu-640323) may change its reports")).isTrue();
    }

    private Problem problem(String body, Class<?> type) {
        return JsonProblems.of(thrown(body, type)).problem().errors().get(0);
    }

    private JsonProcessingException thrown(String body, Class<?> type) {
        return catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, type));
    }
}

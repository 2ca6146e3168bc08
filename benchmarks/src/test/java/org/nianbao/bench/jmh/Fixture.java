package org.nianbao.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.ParsedReport;
import org.nianbao.model.validation.SubmissionParser;

/** The submission every hot-path benchmark works on: the 盐池县 2020 seed report, as IngestBenchmark sends it. */
final class Fixture {

    static final String BODY = resource("/fixtures/reports/seed-004-yanchi-2020.json");

    private Fixture() {
    }

    /** Configured as the report service's SubmissionReader configures its reader (bounded, BigDecimal floats). */
    static ObjectMapper submissionMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(32).maxNumberLength(40).maxStringLength(1_000_000).build())
                        .build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The fixture parsed once, for the benchmarks that start from the cells. */
    static ParsedReport parsed() {
        try {
            ParseResult result = new SubmissionParser(TemplateCatalog.standard()).parse(submissionMapper().readTree(BODY));
            if (!result.valid()) {
                throw new IllegalStateException("the fixture does not parse: " + result.problems());
            }
            return result.report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Fixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test-support resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

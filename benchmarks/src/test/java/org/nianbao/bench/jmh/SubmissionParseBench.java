package org.nianbao.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.SubmissionParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Reading a submission body into cells, as the report service does for every PUT: JSON text to ParseResult. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SubmissionParseBench {

    private final ObjectMapper json = Fixture.submissionMapper();
    private final SubmissionParser parser = new SubmissionParser(TemplateCatalog.standard());
    private final String body = Fixture.BODY;

    /** The JSON tree alone: what the parser's walk comes on top of. */
    @Benchmark
    public Object jsonTreeOnly() throws IOException {
        return json.readTree(body);
    }

    /** Body text to parsed report: JSON tree, then the strict walk over it into cells. */
    @Benchmark
    public ParseResult parseSubmission() throws IOException {
        return parser.parse(json.readTree(body));
    }
}

package org.nianbao.report.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.ParsedReport;
import org.nianbao.model.validation.Problem;
import org.nianbao.model.validation.ReportDates;
import org.nianbao.model.validation.SubmissionParser;
import org.nianbao.service.problem.ApiProblem;
import org.nianbao.service.problem.JsonProblems;

/**
 * Reads a submission body into a {@link ParsedReport}, or fails with one Problem Details that lists every
 * problem at once. The JSON reader is bounded (nesting depth, string and number sizes) so hostile bodies
 * fail fast instead of exhausting the service.
 * <p>
 * A body is decoded by the charset its Content-Type declares (GBK, GB18030, ISO-8859-1, ... as Java knows them), UTF-8
 * when it declares none, and strictly: bytes that are no text in that charset refuse the body instead of becoming
 * U+FFFD. A charset Java does not know is refused with 415.
 */
@ApplicationScoped
public class SubmissionReader {

    static final int FIRST_YEAR = ReportDates.FIRST_REPORT_YEAR; // the disclosure regulation took effect on 1 May 2008

    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxNumberLength(40).maxStringLength(1_000_000).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Clock clock;
    private final SubmissionParser parser;

    SubmissionReader(Clock clock) {
        this.clock = clock;
        this.parser = new SubmissionParser(TemplateCatalog.standard(), clock);
    }

    /** Parses the body; {@code year} is the report year from the path, or null when the body must carry it. */
    public ParsedReport read(String body, Integer year) {
        JsonNode tree = tree(body);
        ParseResult result = parser.parse(tree, year);
        List<Problem> problems = new ArrayList<>(result.problems());
        Integer reportYear = year != null ? year : result.report() == null ? null : result.report().year();
        if (year != null && result.report() != null && result.report().year() != null
                && !year.equals(result.report().year())) {
            problems.add(new Problem("year", "MISMATCH", null, "the body says " + result.report().year()
                    + " but the path says " + year, result.report().year()));
        }
        checkYear(reportYear, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("the report has " + problems.size() + " problem(s); nothing was stored", problems);
        }
        return result.report();
    }

    /**
     * Parses one report of a batch: its problems are added to {@code problems}, each field prefixed with
     * {@code where} (as {@code reports[3].}), so that one refusal can list the problems of every report.
     *
     * @return the report, or null when it has problems
     */
    ParsedReport readItem(JsonNode item, String where, List<Problem> problems) {
        ParseResult result = parser.parse(item);
        List<Problem> found = new ArrayList<>(result.problems());
        ParsedReport report = result.report();
        if (report != null) {
            if (report.agencyId() == null) {
                found.add(new Problem("agencyId", Problem.REQUIRED, null, "each report of a batch names its agency", null));
            }
            if (report.year() == null) {
                found.add(new Problem("year", Problem.REQUIRED, null, "each report of a batch names its year", null));
            }
            checkYear(report.year(), found);
        }
        for (Problem p : found) {
            problems.add(new Problem(p.field().isEmpty() ? where.substring(0, where.length() - 1) : where + p.field(),
                    p.type(), p.rule(), p.message(), p.rejectedValue()));
        }
        return found.isEmpty() ? report : null;
    }

    void checkYear(Integer year, List<Problem> problems) {
        int current = Year.now(clock).getValue();
        if (year != null && !SubmissionParser.plausibleYear(year, current)) {
            problems.add(new Problem("year", "OUT_OF_RANGE", null,
                    "report years run from " + FIRST_YEAR + " to " + current, year));
        }
    }

    JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw emptyBody();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The body as text in the charset its Content-Type declares (UTF-8 if none); refused if it is no text in it. */
    public String text(byte[] body, String contentType) {
        Charset charset = charset(contentType);
        try {
            return body == null ? null : decoder(charset).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw notText(charset);
        }
    }

    /**
     * Parses a body straight from the connection, without first holding it as text (a batch of 100 reports, about 700 KB sent, is
     * 1.4 MB as a Java string); the caller decides when to read it. A UTF-8 body goes to the JSON reader as bytes, which
     * refuses malformed UTF-8 itself; any other declared charset is decoded on the way, strictly.
     */
    JsonNode tree(InputStream body, String contentType) {
        Charset charset = charset(contentType);
        JsonNode tree;
        try {
            if (body == null) {
                tree = null;
            } else if (charset.equals(StandardCharsets.UTF_8)) {
                tree = json.readTree(body);
            } else {
                tree = json.readTree(new InputStreamReader(body, decoder(charset)));
            }
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8")) {
                throw notText(charset);
            }
            throw malformed(e);
        } catch (CharacterCodingException e) {
            throw notText(charset);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body could not be read; nothing was stored: send it again",
                    List.of(new Problem("", "MALFORMED", null, "unreadable body", null)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw emptyBody();
        }
        return tree;
    }

    /** The charset a Content-Type declares, UTF-8 when it declares none; 415 for one Java does not know. */
    static Charset charset(String contentType) {
        String name = null;
        try {
            name = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalArgumentException e) { // also an unknown or illegal charset name
            throw ApiProblem.unsupportedMediaType("the body's charset " + name + " is not one this service can decode; "
                    + "send the body in UTF-8 (or declare a charset such as GBK, GB18030 or ISO-8859-1)",
                    List.of(new Problem("Content-Type", "UNSUPPORTED_CHARSET", null, "unknown charset " + name, name)));
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static ApiProblem notText(Charset charset) {
        String undeclared = charset.equals(StandardCharsets.UTF_8) ? "; if it is in another charset, declare it: "
                + "Content-Type: application/json; charset=GBK" : "";
        return ApiProblem.badRequest("the body is not valid " + charset.name() + " text" + undeclared + "; nothing was stored",
                List.of(new Problem("", "NOT_TEXT", null, "bytes that are no " + charset.name() + " text", null)));
    }

    private static ApiProblem emptyBody() {
        return ApiProblem.badRequest("the request has no body; send the report as JSON",
                List.of(new Problem("", "MALFORMED", null, "empty body", null)));
    }

    private static ApiProblem malformed(JsonProcessingException e) {
        return JsonProblems.of(e);
    }
}

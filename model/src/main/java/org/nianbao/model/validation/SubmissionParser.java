package org.nianbao.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.model.agency.AgencyId;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.CellKind;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a submission body strictly and collects every problem instead of stopping at the first.
 * <p>
 * Top level: {@code template} (required), {@code agencyId}, {@code year}, {@code publishedOn} (ISO date), the text
 * sections ({@code overview}, {@code problems}, {@code otherMatters}) and the numeric sections as nested objects
 * whose dotted paths are the cell codes. A cell is a JSON number or null; null and missing are blank, never 0.
 * A numeric section (or any level of it) may be null as a whole: its cells are then simply not sent.
 * <p>
 * Every value is checked against what may be stored: texts are plain Unicode ({@link TextCheck}), the agency id has
 * the form of one ({@link AgencyId}), the publication date is a real date of the report's publication window
 * ({@link ReportDates}), and each number fits its cell's kind ({@link CellKind}: sign, decimal places, magnitude).
 */
public final class SubmissionParser {

    public static final int MAX_TEXT_LENGTH = 65_536;
    public static final int FIRST_REPORT_YEAR = ReportDates.FIRST_REPORT_YEAR;

    private static final String TEMPLATE = "template";
    private static final String AGENCY_ID = "agencyId";
    private static final String YEAR = "year";
    private static final String PUBLISHED_ON = "publishedOn";
    private static final String R5 = "R5";

    private final TemplateCatalog catalog;
    private final Clock clock;
    private final Map<String, Level> spaces = new HashMap<>();
    private final Level anyTemplate;

    /**
     * The cells a submission may send, as the tree of nested objects that leads to them: one level per name in a cell
     * code, each knowing its full code. The walk looks up each short field name in its level instead of building and
     * hashing the 50-character path of every object and cell it passes (which was two thirds of a parse).
     */
    private static final class Level {
        final String path;
        final Map<String, Level> children = new HashMap<>();
        CellDefinition cell; // set when this path is a cell

        Level(String path) {
            this.path = path;
        }

        Level child(String name) {
            return children.computeIfAbsent(name, n -> new Level(path.isEmpty() ? n : path + "." + n));
        }

        /** The top level of a space: one child per numeric section, each leading to the section's cells. */
        static Level space(Iterable<CellDefinition> cells, List<Section> sections) {
            Level top = new Level("");
            sections.stream().filter(s -> !s.text()).forEach(s -> top.child(s.code()));
            for (CellDefinition cell : cells) {
                Level level = top;
                for (String name : cell.code().split("\\.")) {
                    level = level.child(name);
                }
                if (level.cell == null) { // in the space of every template, the first template's definition
                    level.cell = cell;
                }
            }
            return top;
        }
    }

    /** A parser whose "today" is the current date in China. */
    public SubmissionParser(TemplateCatalog catalog) {
        this(catalog, Clock.system(ReportDates.ZONE));
    }

    /** @param clock tells today's date (in its zone), the latest publication date accepted */
    public SubmissionParser(TemplateCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        List<CellDefinition> all = new ArrayList<>();
        for (Template template : catalog.templates()) {
            spaces.put(template.id(), Level.space(template.cells(), catalog.sections()));
            all.addAll(template.cells());
        }
        // With an unknown template, cells are still checked as far as possible: against every template.
        this.anyTemplate = Level.space(all, catalog.sections());
    }

    /** Report years the service should accept: from the first year of the 2008 regulations up to now. */
    public static boolean plausibleYear(int year, int currentYear) {
        return ReportDates.plausibleYear(year, currentYear);
    }

    public ParseResult parse(JsonNode body) {
        return parse(body, null);
    }

    /**
     * @param knownYear the report year when the request names it elsewhere (the path), else null; the publication
     *                  date is checked against it when the body has no year
     */
    public ParseResult parse(JsonNode body, Integer knownYear) {
        if (body == null || !body.isObject()) {
            return ParseResult.refused(List.of(new Problem("", Problem.MALFORMED, null,
                    "the submission must be a JSON object", null)));
        }
        return new Reading().read(body, knownYear);
    }

    /** The state of one parse. */
    private final class Reading {
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final TreeMap<String, BigDecimal> cells = new TreeMap<>(); // ParsedReport copies both
        private final TreeSet<String> blankCells = new TreeSet<>();
        private Template template;

        ParseResult read(JsonNode body, Integer knownYear) {
            template = readTemplate(body.get(TEMPLATE));
            Level space = template == null ? anyTemplate : spaces.get(template.id());
            String agencyId = null;
            Integer year = null;
            LocalDate publishedOn = null;
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                Section section = catalog.section(name).orElse(null);
                switch (name) {
                    case TEMPLATE -> { }
                    case AGENCY_ID -> agencyId = readAgencyId(value);
                    case YEAR -> year = readYear(value);
                    case PUBLISHED_ON -> publishedOn = readDate(value);
                    default -> {
                        if (section == null) {
                            problem(name, Problem.UNKNOWN_FIELD, null, "unknown field " + name, null);
                        } else if (section.text()) {
                            readSectionText(name, value);
                        } else {
                            walk(space.children.get(name), name, value);
                        }
                    }
                }
            }
            if (publishedOn != null) {
                String wrong = ReportDates.whatIsWrong(publishedOn, year != null ? year : knownYear,
                        LocalDate.now(clock));
                if (wrong != null) {
                    problem(PUBLISHED_ON, Problem.OUT_OF_RANGE, null, wrong, publishedOn.toString());
                }
            }
            if (!problems.isEmpty()) {
                return ParseResult.refused(problems);
            }
            return ParseResult.of(new ParsedReport(template.id(), year, agencyId, publishedOn, texts, cells, blankCells));
        }

        private Template readTemplate(JsonNode node) {
            if (node == null || node.isNull()) {
                problem(TEMPLATE, Problem.REQUIRED, null, "template is required: one of " + templateIds(), null);
                return null;
            }
            if (!node.isTextual()) {
                problem(TEMPLATE, Problem.WRONG_TYPE, null, "template must be a string: one of " + templateIds(),
                        rejected(node));
                return null;
            }
            Template found = catalog.find(node.textValue()).orElse(null);
            if (found == null) {
                problem(TEMPLATE, Problem.UNKNOWN_TEMPLATE, null,
                        "unknown template " + node.textValue() + ": one of " + templateIds(), node.textValue());
            }
            return found;
        }

        private String readText(String field, JsonNode node) {
            if (node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                problem(field, Problem.WRONG_TYPE, null, field + " must be a string, not " + typeOf(node), rejected(node));
                return null;
            }
            Problem invalid = TextCheck.problem(field, node.textValue());
            if (invalid != null) {
                problems.add(invalid);
                return null;
            }
            return node.textValue();
        }

        private String readAgencyId(JsonNode node) {
            String id = readText(AGENCY_ID, node);
            if (id != null && !AgencyId.valid(id)) {
                problem(AGENCY_ID, Problem.INVALID_ID, null, "agencyId is no agency id: " + AgencyId.RULE, id);
                return null;
            }
            return id;
        }

        private void readSectionText(String field, JsonNode node) {
            String text = readText(field, node);
            if (text == null) {
                return;
            }
            int length = text.codePointCount(0, text.length());
            if (length > MAX_TEXT_LENGTH) {
                problem(field, Problem.TOO_LONG, null, "%s has %d characters; at most %d are allowed"
                        .formatted(field, length, MAX_TEXT_LENGTH), null);
            } else {
                texts.put(field, text);
            }
        }

        private Integer readYear(JsonNode node) {
            if (node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber()) {
                problem(YEAR, Problem.WRONG_TYPE, null, "year must be a whole number, not " + typeOf(node),
                        rejected(node));
                return null;
            }
            if (!node.canConvertToInt()) {
                problem(YEAR, Problem.OUT_OF_RANGE, null, "year is out of range", rejected(node));
                return null;
            }
            return node.intValue();
        }

        private LocalDate readDate(JsonNode node) {
            String text = readText(PUBLISHED_ON, node);
            if (text == null) {
                return null;
            }
            LocalDate date = ReportDates.parseDate(text);
            if (date == null) {
                problem(PUBLISHED_ON, Problem.INVALID_DATE, null,
                        "publishedOn must be a date as yyyy-mm-dd (4-digit year, no sign), got " + text, text);
            }
            return date;
        }

        /** Follows the nesting of a numeric section down to its cells. */
        private void walk(Level level, String path, JsonNode node) { // level: null where the path leads to no cell
            if (level != null && level.cell != null) {
                readCell(level.cell, node);
                return;
            }
            boolean container = level != null;
            if (node.isObject() && (container || !node.isEmpty())) {
                for (Map.Entry<String, JsonNode> child : node.properties()) {
                    String key = child.getKey();
                    if (key.isEmpty() || key.contains(".")) {
                        problem(path + "." + key, Problem.UNKNOWN_CELL, null, "'" + key + "' in " + path
                                + " is no field: cell codes are written as nested objects, one name per level", null);
                    } else {
                        Level next = container ? level.children.get(key) : null;
                        walk(next, next != null ? next.path : path + "." + key, child.getValue());
                    }
                }
            } else if (container) {
                if (!node.isNull()) {
                    problem(path, Problem.WRONG_TYPE, null, path + " must be an object, not " + typeOf(node),
                            rejected(node));
                }
            } else {
                problem(path, Problem.UNKNOWN_CELL, null, unknownCellMessage(path), rejected(node));
            }
        }

        private String unknownCellMessage(String path) {
            if (template == null) {
                return path + " is not a cell of any template";
            }
            List<String> elsewhere = catalog.templatesWithCell(path);
            if (!elsewhere.isEmpty()) {
                return "%s is a %s cell; this report uses %s".formatted(path, String.join(" and ", elsewhere),
                        template.id());
            }
            if (catalog.isGroupCell(path)) {
                return path + " is a derived sum, computed from its rows; send the rows instead";
            }
            return path + " is not a cell of " + template.id();
        }

        private void readCell(CellDefinition cell, JsonNode node) {
            String code = cell.code();
            if (node.isNull()) {
                blankCells.add(code);
                return;
            }
            if (!node.isNumber()) {
                problem(code, Problem.WRONG_TYPE, null, code + " must be a number or null, not " + typeOf(node),
                        rejected(node));
                return;
            }
            CellKind kind = cell.kind();
            BigDecimal value = stripped(node);
            if (value == null || value.abs().compareTo(kind.maxMagnitude()) > 0) {
                problem(code, Problem.OUT_OF_RANGE, null, code + " is out of range: at most "
                        + kind.maxMagnitude().toPlainString() + " in absolute value", rejected(node));
                return;
            }
            value = value.scale() < 0 ? value.setScale(0) : value; // small enough now to write out
            boolean valid = true;
            if (kind.whole() && value.scale() > 0) {
                problem(code, Problem.NOT_WHOLE, R5, code + " must be a whole number, got " + node.asText(), value);
                valid = false;
            } else if (value.scale() > kind.maxScale()) {
                // 1e-400 or 4.9e-324 would be stored as 0, or as a denormal double downstream: refused, not rounded
                problem(code, Problem.TOO_PRECISE, R5, code + " has at most " + kind.maxScale()
                        + " decimal places (1 元 = 0.0001 万元), got " + node.asText(), value);
                valid = false;
            }
            if (!kind.mayBeNegative() && value.signum() < 0) {
                problem(code, Problem.NEGATIVE_COUNT, R5, code + " must not be negative, got " + value.toPlainString(),
                        value);
                valid = false;
            }
            if (valid) {
                cells.put(code, value);
            }
        }

        private void problem(String field, String type, String rule, String message, Object rejectedValue) {
            problems.add(new Problem(field, type, rule, message, rejectedValue));
        }
    }

    /** The number without trailing zeros or exponent (12.0 → 12, 1E+3 → 1000); null if it is no finite number. */
    private static BigDecimal decimal(JsonNode node) {
        BigDecimal value = stripped(node);
        if (value == null || value.scale() >= 0) {
            return value;
        }
        // writing out 1e999999999 would take minutes: a number that large is shown as sent
        return value.compareTo(CellKind.MAX_MAGNITUDE) > 0 ? null : value.setScale(0);
    }

    /** The number without trailing zeros, its exponent kept (1E+3); null if it is no finite number. */
    private static BigDecimal stripped(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return BigDecimal.valueOf(node.longValue()); // already scale 0: what stripping would give, without dividing
        }
        try {
            return node.decimalValue().stripTrailingZeros();
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }

    private static Object rejected(JsonNode node) {
        if (node.isTextual()) return node.textValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isNumber()) {
            BigDecimal value = decimal(node);
            return value != null ? value : node.asText();
        }
        return node.isNull() ? null : node;
    }

    private static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private String templateIds() {
        return String.join(", ", catalog.templates().stream().map(Template::id).toList());
    }
}

package org.nianbao.service.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.model.validation.Problem;

/**
 * Says what is wrong with a JSON body in the client's terms: the field and the kind of value it needs, or where
 * the text stops being JSON. The JSON library's own messages name its classes and settings, which mean nothing
 * to a client, so none of its text is passed on.
 */
public final class JsonProblems {

    private static final Pattern ALLOWED = Pattern.compile("maximum allowed \\(([0-9]+)");

    private JsonProblems() {
    }

    /** A 400 Problem that names the field and what it must be, or the place where the body stops being JSON. */
    public static ApiProblem of(JsonProcessingException e) {
        Problem problem = describe(e);
        return ApiProblem.badRequest(problem.message() + "; nothing was stored", List.of(problem));
    }

    static Problem describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            return new Problem("", Problem.TOO_LONG, null, tooLarge(limit), null);
        }
        if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof StreamConstraintsException)) {
            return describe(mapping);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return new Problem("", Problem.TOO_LONG, null, tooLarge(limit), null);
        }
        if (e instanceof InputCoercionException number) {
            return new Problem("", Problem.OUT_OF_RANGE, null, "a number in the body" + at(e.getLocation())
                    + " is too large for " + kind(number.getTargetType()), null);
        }
        return new Problem("", Problem.MALFORMED, null, "the body is not valid JSON" + at(e.getLocation()), null);
    }

    private static Problem describe(JsonMappingException e) {
        String field = field(e.getPath());
        if (e instanceof PropertyBindingException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            return new Problem(name, Problem.UNKNOWN_FIELD, null, "`" + name + "` is not a field of this body", null);
        }
        if (e.getCause() instanceof InputCoercionException number) {
            String what = field.isEmpty() ? "a number in the body" : "`" + field + "`";
            return new Problem(field, Problem.OUT_OF_RANGE, null, what + " is too large for " + kind(number.getTargetType()), null);
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            // a value the target refused (a constructor check, say): the field is known, the reason is not the client's
            return field.isEmpty()
                    ? new Problem("", Problem.MALFORMED, null, "the body does not have the expected shape" + at(e.getLocation()), null)
                    : new Problem(field, Problem.WRONG_TYPE, null, "`" + field + "` has a value that cannot be used", null);
        }
        Object rejected = e instanceof InvalidFormatException f ? shortValue(f.getValue()) : null;
        if (field.isEmpty()) {
            return new Problem("", Problem.MALFORMED, null, "the body must be " + kind(target), rejected);
        }
        return new Problem(field, Problem.WRONG_TYPE, null, "`" + field + "` must be " + kind(target), rejected);
    }

    /** The kind of JSON value a Java type is read from, as a client would write it. */
    static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time as a string (ISO 8601, such as 2024-01-31)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "a JSON object";
    }

    private static String tooLarge(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher allowed = ALLOWED.matcher(message);
        String limit = allowed.find() ? allowed.group(1) : null;
        if (message.contains("nesting depth")) {
            return limit == null ? "the body nests too deep" : "the body nests deeper than " + limit + " levels";
        }
        String what = message.startsWith("Number") ? "a number in the body has more than " + limit + " digits"
                : message.startsWith("String") ? "a string in the body is longer than " + limit + " characters"
                : message.startsWith("Name") ? "a field name in the body is longer than " + limit + " characters"
                : "the body is larger than " + limit + " JSON elements";
        return limit == null ? "the body is larger than the JSON reader allows" : what;
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static Object shortValue(Object value) {
        return value instanceof String s && s.length() <= 100 || value instanceof Number || value instanceof Boolean ? value : null;
    }
}

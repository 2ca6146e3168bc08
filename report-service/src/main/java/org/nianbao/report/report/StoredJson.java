package org.nianbao.report.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.rules.RuleWarning;

/** The JSON columns of a report version, read and written with the same mapper as the events. */
final class StoredJson {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SortedMap<String, BigDecimal> cells(String json) {
        return read(json, new TypeReference<java.util.TreeMap<String, BigDecimal>>() { });
    }

    static SortedSet<String> codes(String json) {
        return read(json, new TypeReference<java.util.TreeSet<String>>() { });
    }

    static Map<String, String> texts(String json) {
        return read(json, new TypeReference<java.util.LinkedHashMap<String, String>>() { });
    }

    static List<RuleWarning> warnings(String json) {
        return read(json, new TypeReference<List<RuleWarning>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored report JSON is unreadable: " + e.getMessage(), e);
        }
    }
}

package org.nianbao.aggregation.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.nianbao.aggregation.query.Views.CellTotal;
import org.nianbao.model.template.TemplateCatalog;

/**
 * A region's cell totals, in code order, and their JSON. Every totals answer lists up to 254 codes, the same ones
 * with the same labels each time. Sorting them with a TreeMap compared long common prefixes
 * ({@code requests.outcome.…}) on every answer, and Jackson encoded every Chinese label to UTF-8 anew: in a JFR
 * profile of the service answering province totals, writing the answer took 74 of 266 samples and the sorted map 28
 * (BENCHMARKS.md, section 3). The order and the encoded codes and labels are made once, from the catalog.
 */
final class CellTotals {

    /** The catalog's metric codes in code order; a code's rank is its index. */
    private static final List<String> CODES = TemplateCatalog.standard().metricCodes().stream().sorted().toList();
    private static final Map<String, Known> KNOWN = new HashMap<>(1024);

    /** A catalog metric: its place in code order, and its code and label encoded for the JSON. */
    private record Known(int rank, SerializedString name, SerializedString label) {
    }

    static {
        TemplateCatalog catalog = TemplateCatalog.standard();
        for (int i = 0; i < CODES.size(); i++) {
            String code = CODES.get(i);
            KNOWN.put(code, new Known(i, new SerializedString(code), new SerializedString(catalog.metricLabel(code).orElseThrow())));
        }
    }

    private CellTotals() {
    }

    /** The label of a metric: the catalog's, or its code for a metric the catalog no longer has. */
    static String label(String code) {
        Known known = KNOWN.get(code);
        return known == null ? code : known.label().getValue();
    }

    /** The totals by code, in code order, each made by {@code total} from its code and sum. */
    static Map<String, CellTotal> inCodeOrder(Map<String, BigDecimal> sums, BiFunction<String, BigDecimal, CellTotal> total) {
        CellTotal[] byRank = new CellTotal[CODES.size()];
        List<String> unknown = new ArrayList<>(0);
        sums.forEach((code, sum) -> {
            Known known = KNOWN.get(code);
            if (known == null) {
                unknown.add(code);
            } else {
                byRank[known.rank()] = total.apply(code, sum);
            }
        });
        if (!unknown.isEmpty()) { // a stored metric from an older catalog: rare, so the plain way
            Map<String, CellTotal> sorted = new TreeMap<>();
            sums.forEach((code, sum) -> sorted.put(code, total.apply(code, sum)));
            return sorted;
        }
        Map<String, CellTotal> out = new LinkedHashMap<>(512);
        for (int rank = 0; rank < byRank.length; rank++) {
            if (byRank[rank] != null) {
                out.put(CODES.get(rank), byRank[rank]);
            }
        }
        return out;
    }

    /** Writes the totals as Jackson would, {@code {"code":{"sum":…,"filled":…,"label":…},…}}, from encoded strings. */
    static final class Json extends StdSerializer<Map<String, CellTotal>> {

        private static final SerializedString SUM = new SerializedString("sum");
        private static final SerializedString FILLED = new SerializedString("filled");
        private static final SerializedString LABEL = new SerializedString("label");

        @SuppressWarnings({"unchecked", "rawtypes"})
        Json() {
            super((Class) Map.class);
        }

        @Override
        public void serialize(Map<String, CellTotal> cells, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(cells);
            for (Map.Entry<String, CellTotal> cell : cells.entrySet()) {
                String code = cell.getKey();
                CellTotal total = cell.getValue();
                Known known = KNOWN.get(code);
                if (known == null) {
                    gen.writeFieldName(code);
                } else {
                    gen.writeFieldName((SerializableString) known.name());
                }
                gen.writeStartObject(total);
                gen.writeFieldName(SUM);
                if (total.sum() == null) {
                    gen.writeNull();
                } else {
                    gen.writeNumber(total.sum());
                }
                gen.writeFieldName(FILLED);
                gen.writeNumber(total.filled());
                gen.writeFieldName(LABEL);
                if (known != null && known.label().getValue().equals(total.label())) {
                    gen.writeString((SerializableString) known.label());
                } else if (total.label() == null) {
                    gen.writeNull();
                } else {
                    gen.writeString(total.label());
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }
}

package org.nianbao.model.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A report's filled cells together with their JSON, written once by the event mapper. The report service stores a
 * version's cells as JSON and publishes the same cells inside the version's event: about 200 entries with 50-character
 * codes, which Jackson wrote twice per submission (writing JSON was a fifth of the service's CPU under load, most of it
 * these cells). Serialized by any mapper, this map writes its JSON as is: the very text {@link EventJson} writes for a
 * sorted map of the same cells.
 */
@JsonSerialize(using = RenderedCells.Writer.class)
public final class RenderedCells extends AbstractMap<String, BigDecimal> {

    /** No cells, as in the version that withdraws a report. */
    public static final RenderedCells NONE = of(new TreeMap<>());

    private final SortedMap<String, BigDecimal> cells;
    private final String json;

    private RenderedCells(SortedMap<String, BigDecimal> cells, String json) {
        this.cells = cells;
        this.json = json;
    }

    public static RenderedCells of(SortedMap<String, BigDecimal> cells) {
        SortedMap<String, BigDecimal> copy = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        try {
            return new RenderedCells(copy, EventJson.mapper().writeValueAsString(copy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells as a JSON object, in code order: {@code {"requests.…":3,…}}. */
    public String json() {
        return json;
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return cells.entrySet();
    }

    @Override
    public BigDecimal get(Object code) {
        return cells.get(code);
    }

    @Override
    public boolean containsKey(Object code) {
        return cells.containsKey(code);
    }

    @Override
    public int size() {
        return cells.size();
    }

    /** Writes the JSON made once; a serializer on the class, so that Jackson never treats it as a plain map. */
    public static final class Writer extends StdSerializer<RenderedCells> {
        public Writer() {
            super(RenderedCells.class);
        }

        @Override
        public void serialize(RenderedCells value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.json);
        }
    }
}

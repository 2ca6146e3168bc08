package org.nianbao.model.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of each event type's {@code data}, which its events name in {@code dataschema}. The schemas are
 * generated from the data records (the model's test {@code EventSchemaTest} fails when a kept file differs from what
 * the records give, and rewrites them with {@code -Dnianbao.update-contract=true}); the gateway publishes them under
 * {@link #PATH}, without authentication.
 */
public final class EventSchemas {

    /** Where the gateway publishes the schemas: {@code PATH + type + ".json"}. */
    public static final String PATH = "/api/v1/schemas/events/";
    /** Every event type the report service publishes, with the record of its {@code data}. */
    public static final Map<String, Class<?>> DATA = types();
    /** Where the kept schema files live, on the class path and under the model's {@code src/main/resources}. */
    public static final String RESOURCES = "org/nianbao/model/event/schemas/";

    private EventSchemas() {
    }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put(Topics.REPORT_VERSION_TYPE, ReportData.class);
        types.put(Topics.REPORT_WITHDRAWN_TYPE, ReportData.class);
        types.put(Topics.AGENCY_TYPE, AgencyData.class);
        return Collections.unmodifiableMap(types);
    }

    /** The {@code dataschema} of an event of {@code type}, published by the gateway at {@code publicUrl}. */
    public static String uri(String publicUrl, String type) {
        return publicUrl.replaceAll("/+$", "") + PATH + type + ".json";
    }

    /** The kept schema of {@code type}'s data, or empty for a type no event has. */
    public static Optional<byte[]> schema(String type) {
        if (!DATA.containsKey(type)) {
            return Optional.empty();
        }
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(RESOURCES + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the model jar lacks " + RESOURCES + type + ".json");
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.nianbao.model.event;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON form of events on the wire, used by the producer and the consumers alike. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN) // 228, never 2.28E+2
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer producers may add fields
            .build();
    private static final TypeReference<CloudEvent<ReportData>> REPORT = new TypeReference<>() { };
    private static final TypeReference<CloudEvent<AgencyData>> AGENCY = new TypeReference<>() { };

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CloudEvent<ReportData> readReport(byte[] value) {
        return read(value, REPORT);
    }

    public static CloudEvent<AgencyData> readAgency(byte[] value) {
        return read(value, AGENCY);
    }

    private static <T> T read(byte[] value, TypeReference<T> type) {
        try {
            return MAPPER.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Nianbao event: " + e.getMessage(), e);
        }
    }
}

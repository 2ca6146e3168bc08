package org.nianbao.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kept event schemas (the model's resources, served by the gateway and named by every event's {@code dataschema})
 * are the ones the data records give. A change of a record must show up as a change of its schema file: run the build
 * with {@code -Dnianbao.update-contract=true} to rewrite them, and review the difference.
 */
class EventSchemaTest {

    private static final Path KEPT = Path.of("src", "main", "resources").resolve(EventSchemas.RESOURCES);
    private final EventSchemaGenerator generator = new EventSchemaGenerator();

    static Iterable<String> types() {
        return EventSchemas.DATA.keySet();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theKeptSchemaIsTheOneTheRecordGives(String type) throws Exception {
        JsonNode generated = generator.schema(type);
        Path kept = KEPT.resolve(type + ".json");
        if (Boolean.getBoolean("nianbao.update-contract")) {
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
        }
        assertThat(kept).as("%s exists", kept).exists();
        assertThat(EventJson.mapper().readTree(kept.toFile()))
                .as("%s is out of date: rebuild with -Dnianbao.update-contract=true and commit it", kept)
                .isEqualTo(generated);
        assertThat(EventSchemas.schema(type)).as("on the class path").isPresent();
    }

    @Test
    void theSchemaSaysWhatMayBeNullAndWhatMustBeThere() {
        JsonNode report = generator.schema(Topics.REPORT_VERSION_TYPE);
        assertThat(report.at("/properties/previousVersion/type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(report.at("/properties/agencyId/type").asText()).isEqualTo("string");
        assertThat(report.at("/properties/cells/additionalProperties/type").asText()).isEqualTo("number");
        assertThat(report.at("/properties/level/enum").toString()).isEqualTo("[\"PROVINCE\",\"CITY\",\"COUNTY\"]");
        assertThat(report.at("/properties/submittedAt/format").asText()).isEqualTo("date-time");
        assertThat(report.get("required")).hasSize(ReportData.class.getRecordComponents().length);
    }

    @Test
    void aTypeNoEventHasHasNoSchema() {
        assertThat(EventSchemas.schema("org.nianbao.unknown.v1")).isEmpty();
        assertThat(EventSchemas.schema("../../../etc/passwd")).isEmpty();
    }

    @Test
    void theDataschemaIsAnAbsoluteUriUnderThePublicUrl() {
        assertThat(EventSchemas.uri("https://nianbao.example.org/", Topics.AGENCY_TYPE))
                .isEqualTo("https://nianbao.example.org/api/v1/schemas/events/org.nianbao.agency.v1.json");
    }
}

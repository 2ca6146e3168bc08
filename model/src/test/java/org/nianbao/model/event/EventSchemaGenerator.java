package org.nianbao.model.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Makes the JSON Schema of an event type's {@code data} from its record, as the events' JSON writes it
 * ({@link EventJson}): every field is always written, null only where the record marks it {@link Nullable}; enums are
 * their names, times RFC 3339 strings, decimals plain numbers. Fields a later version adds stay allowed, since
 * consumers must tolerate them. Descriptions come from the OpenAPI {@code @Schema} annotations the records already
 * carry for the HTTP API.
 */
final class EventSchemaGenerator {

    private final SchemaGenerator generator;

    EventSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(EventJson.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.ADDITIONAL_FIXED_TYPES, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
                .withNullableCheck(field -> field.getAnnotation(Nullable.class) != null)
                .withRequiredCheck(field -> true) // the mapper writes nulls too: every field is always there
                .withDescriptionResolver(EventSchemaGenerator::description);
        config.forTypesInGeneral().withDescriptionResolver(type -> {
            Schema schema = type.getType().getErasedType().getAnnotation(Schema.class);
            return schema == null || schema.description().isEmpty() ? null : schema.description();
        });
        generator = new SchemaGenerator(config.build());
    }

    /** The schema of {@code type}'s data, as kept in the model's resources. */
    ObjectNode schema(String type) {
        ObjectNode body = generator.generateSchema(EventSchemas.DATA.get(type));
        ObjectNode schema = EventJson.mapper().createObjectNode();
        schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
        schema.put("title", "data of " + type);
        schema.put("description", "The data of a Nianbao CloudEvent of type " + type + ", generated from the record "
                + EventSchemas.DATA.get(type).getSimpleName() + ".");
        schema.setAll(body);
        return schema;
    }

    private static String description(FieldScope field) {
        if (field.isFakeContainerItemScope()) {
            return null; // a list's items: the description is the list's
        }
        Schema schema = field.getAnnotationConsideringFieldAndGetter(Schema.class);
        return schema == null || schema.description().isEmpty() ? null : schema.description();
    }
}

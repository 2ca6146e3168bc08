package org.nianbao.report.template;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** The Problem Details schema (RFC 9457) with Nianbao's extension members, for the API docs. */
final class ProblemSchemas {
    private ProblemSchemas() {
    }

    static Schema problemDetail() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 Problem Details, listing every problem at once; members with no value are left out")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", text("Problem type URI", "https://nianbao.org/problems/invalid-report"))
                .addProperty("title", text("Short summary", "The submission is not valid"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).addExample(422))
                .addProperty("detail", text("Explanation", "the report has 2 problem(s); nothing was stored"))
                .addProperty("instance", text("The request path", "/api/v1/agencies/edu-610600/reports/2019"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Every problem found, each with its cell code or field")
                        .items(OASFactory.createSchema().ref("Problem")))
                .addProperty("warnings", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Rule warnings, when ?strict=true refused them")
                        .items(OASFactory.createSchema().ref("RuleWarning")));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description).addExample(example);
    }
}

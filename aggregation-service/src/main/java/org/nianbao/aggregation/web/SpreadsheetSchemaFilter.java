package org.nianbao.aggregation.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A spreadsheet answer is a file, not the JSON object the operation's other representations describe: its media
 * type in the OpenAPI document says so (a binary string), so that generated clients save it as bytes.
 */
public class SpreadsheetSchemaFilter implements OASFilter {

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getContent() != null && response.getContent().hasMediaType(XlsxWriter.XLSX)) {
            response.getContent().getMediaType(XlsxWriter.XLSX).setSchema(OASFactory.createSchema().addType(SchemaType.STRING)
                    .format("binary").description("An Office Open XML workbook: the labels in the first row, then the rows of "
                            + "the CSV answer, numbers as numeric cells and blank values as empty cells"));
        }
        return response;
    }
}

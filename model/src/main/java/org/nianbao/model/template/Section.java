package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the six sections of every report (一…六); {@code text} sections are prose, the others tables. */
@Schema(description = "One of the six sections of every report")
public record Section(@Schema(description = "JSON field of the section", example = "requests") String code, @Schema(description = "Printed number", example = "三") String number, @Schema(description = "Printed heading", example = "收到和处理政府信息公开申请情况") String label, @Schema(description = "True for prose sections, false for tables", example = "false") boolean text) {
}

package org.nianbao.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.nianbao.model.event.EventJson;

import static org.nianbao.report.support.Api.given;

/** Report bodies from {@code src/test/resources/reports} and small helpers around them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ObjectNode report(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/reports/" + file)) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's cells as canonical code → value text ("null" for blank), for cell-by-cell comparison. */
    public static Map<String, String> flatten(JsonNode node, String... sections) {
        Map<String, String> cells = new TreeMap<>();
        for (String section : sections) {
            if (node.hasNonNull(section)) {
                flatten(section, node.get(section), cells);
            }
        }
        return cells;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.decimalValue().stripTrailingZeros().toPlainString());
        }
    }

    /** Registers a fresh agency in the given region and returns its id, so tests do not share reports. */
    public static String newAgency(String regionCode) {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body(Map.of("id", id, "name", "测试教育局 " + id, "regionCode", regionCode, "sector", "EDUCATION"))
                .post("/api/v1/agencies").then().statusCode(201);
        return id;
    }

    /** A GOV_2021 report whose only activity is in 规章. */
    public static ObjectNode gov2021(int issued, int repealed, int inForce) {
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        report.put("template", "GOV_2021");
        ObjectNode ad = report.putObject("activeDisclosure");
        ad.putObject("rules").put("issued", issued).put("repealed", repealed).put("inForce", inForce);
        ObjectNode outcome = (ObjectNode) report.at("/requests/outcome");
        ObjectNode other = (ObjectNode) outcome.remove("other");
        outcome.putObject("other").set("noCorrection", other);
        return report;
    }
}

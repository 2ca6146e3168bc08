package org.nianbao.importer.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report service's import endpoint as its contract says (README, ImportResource), in-process: it reads the agency
 * and year from the title ({@code 延安市教育局2019年…}; a PDF is read as the corpus' Hongze report), looks the agency up
 * in a small registry by exact name ({@code ?agencyName=} when the title names none), takes {@code ?year=} over the
 * title's, answers 422 Problem Details listing what keeps a report from being stored, 422 for GARBAGE, 200 for a read
 * without submit, 201 with the stored version (and 1 rule warning when the body says WARN).
 */
final class StandInReportService implements AutoCloseable {

    /** One request as the stand-in saw it. */
    record Seen(String query, Map<String, String> params, String contentType, String authorization, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final Map<String, String> REGISTRY = Map.of(
            "延安市教育局", "edu-610600", "沭阳县发展和改革局", "fgj-321322", "上海市科委", "kw-310000",
            "淮安市洪泽区人民政府", "gov-320813", "岳阳楼区教育局", "edu-430602");

    private static final Pattern TITLE = Pattern.compile("(\\p{IsHan}{2,30}?(?:局|政府|委))?\\s*((?:19|20)\\d\\d)\\s*年");

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final HttpServer server;

    StandInReportService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/reports:import", this::importReport);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> submitted() {
        return requests.stream().filter(r -> "true".equals(r.params().get("submit"))).toList();
    }

    private synchronized void importReport(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = params(query);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        requests.add(new Seen(query, params, contentType, exchange.getRequestHeaders().getFirst("Authorization"), body));
        String text = decode(body, contentType);
        if (text.contains("GARBAGE")) {
            answer(exchange, 422, "application/problem+json", """
                    {"type":"https://nianbao.org/problems/unreadable-report","title":"The text could not be read as a report",
                     "status":422,"detail":"This does not look like an annual report (政府信息公开工作年度报告). Nothing was stored."}""");
            return;
        }
        String titleName = null;
        Integer titleYear = null;
        if (text.startsWith("%PDF")) {
            titleName = "淮安市洪泽区人民政府";
            titleYear = 2024;
        } else {
            Matcher m = TITLE.matcher(text);
            if (m.find()) {
                titleName = m.group(1);
                titleYear = Integer.valueOf(m.group(2));
            }
        }
        String name = titleName != null ? titleName : params.get("agencyName");
        String agencyId = params.getOrDefault("agencyId", name == null ? null : REGISTRY.get(name));
        Integer year = params.containsKey("year") ? Integer.valueOf(params.get("year")) : titleYear;
        int cells = text.startsWith("%PDF") || text.contains("<table") || text.contains("TABLES") ? 3 : 0;
        String read = "\"template\":\"GOV_2021\"" + field("agencyName", name) + field("agencyId", agencyId)
                + (year == null ? "" : ",\"year\":" + year)
                + ",\"diagnostics\":{\"cells\":[" + "{\"code\":\"x\"},".repeat(cells).replaceAll(",$", "") + "],"
                + "\"unplaced\":[" + (text.contains("WARN") ? "{\"text\":\"7\"}" : "") + "]}";
        if (!"true".equals(params.get("submit"))) {
            answer(exchange, 200, "application/json", "{" + read + ",\"warnings\":[]}");
            return;
        }
        StringBuilder errors = new StringBuilder();
        if (agencyId == null) {
            errors.append("{\"field\":\"agencyId\",\"type\":\"REQUIRED\",\"message\":\"")
                    .append(name == null ? "the text names no agency; pass ?agencyId="
                            : "no registered agency is named " + name + "; pass ?agencyId= or register it")
                    .append("\"").append(field("rejectedValue", name)).append("}");
        }
        if (year == null) {
            errors.append(errors.isEmpty() ? "" : ",")
                    .append("{\"field\":\"year\",\"type\":\"REQUIRED\",\"message\":\"the text gives no report year; pass ?year=\"}");
        }
        if (!errors.isEmpty()) {
            answer(exchange, 422, "application/problem+json", "{\"type\":\"https://nianbao.org/problems/invalid-report\","
                    + "\"title\":\"The submission is not valid\",\"status\":422,\"detail\":\"the report was read but "
                    + "cannot be stored; nothing was stored\",\"errors\":[" + errors + "]}");
            return;
        }
        int version = versions.merge(agencyId + "/" + year, 1, Integer::sum);
        answer(exchange, version == 1 ? 201 : 200, "application/json", "{" + read
                + ",\"warnings\":[" + (text.contains("WARN") ? "{\"rule\":\"R1\"}" : "") + "]"
                + ",\"stored\":{\"agencyId\":\"" + agencyId + "\",\"regionCode\":\"" + agencyId.replaceAll("\\D", "")
                + "\",\"year\":" + year + ",\"version\":" + version + "}}");
    }

    private static String field(String name, String value) {
        return value == null ? "" : ",\"" + name + "\":\"" + value + "\"";
    }

    /** The charset of the media type, else UTF-8 when it is valid UTF-8, else GB18030, as the service's reader does. */
    private static String decode(byte[] body, String contentType) {
        Matcher m = Pattern.compile("charset=([\\w-]+)", Pattern.CASE_INSENSITIVE).matcher(contentType == null ? "" : contentType);
        if (m.find()) {
            return new String(body, Charset.forName(m.group(1)));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("GB18030"));
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

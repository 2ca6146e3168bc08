package org.nianbao.gateway.hostile;

import static org.nianbao.gateway.hostile.HostileCase.TARGET_MARK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.nianbao.gateway.hostile.HostileCase.Expect;
import org.nianbao.gateway.hostile.HostileCase.Owner;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.TestTokens;

/**
 * Generates the hostile cases: a fixed number per case class, each from its own {@code Random(seed, number)}, so one
 * case can be generated again from the seed and its number alone.
 */
public final class HostileCases {

    /** The case classes and how many cases each gets; the huge ones are few on purpose (each costs seconds). */
    public static final Map<String, Integer> PLAN = plan();

    private static Map<String, Integer> plan() {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put("json", 110);
        p.put("json-huge", 4);
        p.put("numbers", 130);
        p.put("dates", 80);
        p.put("encodings", 90);
        p.put("nul-control", 130);
        p.put("paths", 110);
        p.put("query", 110);
        p.put("headers", 70);
        p.put("protocol", 50);
        p.put("imports", 50);
        p.put("import-huge", 3);
        p.put("batches", 60);
        p.put("tokens", 100);
        return p;
    }

    /**
     * What the cases write to: agencies registered for the run (reports go to {@code reportAgencies}, agency
     * changes to {@code changeAgencies}), and an agency id nobody registered.
     */
    public record Targets(List<String> reportAgencies, List<String> changeAgencies, String unregistered, String runId) {
    }

    private final long seed;
    private final Targets t;
    private final String publicKeyPem;

    public HostileCases(long seed, Targets targets, String publicKeyPem) {
        this.seed = seed;
        this.t = targets;
        this.publicKeyPem = publicKeyPem;
    }

    public List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, Integer> e : PLAN.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                cases.add(generate(e.getKey(), number++, i));
            }
        }
        return cases;
    }

    private HostileCase generate(String kind, int number, int i) {
        Random r = new Random(seed * 1_000_003L + number);
        return switch (kind) {
            case "json" -> json(r, number, i);
            case "json-huge" -> jsonHuge(number, i);
            case "numbers" -> numbers(r, number, i);
            case "dates" -> dates(r, number, i);
            case "encodings" -> encodings(r, number, i);
            case "nul-control" -> nulControl(r, number, i);
            case "paths" -> paths(r, number, i);
            case "query" -> query(r, number, i);
            case "headers" -> headers(r, number, i);
            case "protocol" -> protocol(r, number, i);
            case "imports" -> imports(r, number, i);
            case "import-huge" -> importHuge(number, i);
            case "batches" -> batches(r, number, i);
            case "tokens" -> tokens(r, number, i);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // ---- builders ----------------------------------------------------------------------------------------------

    private String agency(Random r) {
        return t.reportAgencies().get(r.nextInt(t.reportAgencies().size()));
    }

    private static int year(Random r) {
        return 2019 + r.nextInt(6);
    }

    private static String reportPath(String agency, Object year) {
        return "/api/v1/agencies/" + agency + "/reports/" + year;
    }

    /** A valid GOV_2019 report (the 2020 seed), to be damaged in one place. */
    private static ObjectNode seedReport() {
        try (var in = HostileCases.class.getResourceAsStream("/fixtures/reports/seed-004-yanchi-2020.json")) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String set(ObjectNode report, String code, Object value) {
        String[] path = code.split("\\.");
        ObjectNode node = report;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) && node.get(path[i]).isObject() ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        }
        node.putPOJO(path[path.length - 1], value);
        return report.toString();
    }

    private static List<String[]> json(String token) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "application/json"});
        if (token != null) {
            h.add(new String[] {"Authorization", "Bearer " + token});
        }
        return h;
    }

    private static List<String[]> headers(String... pairs) {
        List<String[]> h = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return h;
    }

    private HostileCase put(String kind, int n, String what, String path, String body, Expect expect, String token) {
        return new HostileCase(n, kind, what, "PUT", path, json(token), body, null, null, null, expect, Owner.REPORT,
                null, false, false);
    }

    private HostileCase putReport(String kind, int n, Random r, String what, String body, Expect expect) {
        String agency = agency(r);
        return put(kind, n, what, reportPath(agency, year(r)), body, expect, TestTokens.submitter(agency));
    }

    private HostileCase post(String kind, int n, String what, String path, String body, Expect expect, String token, Owner owner) {
        return new HostileCase(n, kind, what, "POST", path, json(token), body, null, null, null, expect, owner, null, false, false);
    }

    private HostileCase get(String kind, int n, String what, String path, Expect expect, Owner owner) {
        return new HostileCase(n, kind, what, "GET", path, headers(), null, null, null, null, expect, owner, null, false, false);
    }

    private HostileCase raw(String kind, int n, String what, String head, byte[] body, Expect expect, Owner owner, boolean huge) {
        return new HostileCase(n, kind, what, null, null, List.of(), null, null, body, head, expect, owner, null, huge, false);
    }

    private static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    // ---- json --------------------------------------------------------------------------------------------------

    private HostileCase json(Random r, int n, int i) {
        ObjectNode report = seedReport();
        String whole = report.toString();
        return switch (i % 11) {
            case 0 -> putReport("json", n, r, "truncated", whole.substring(0, 1 + r.nextInt(whole.length() - 2)), Expect.REFUSED);
            case 1 -> putReport("json", n, r, "deep nesting", "{\"template\":\"GOV_2019\",\"requests\":"
                    + "{\"a\":".repeat(500 + r.nextInt(20_000)) + "1" + "}".repeat(r.nextBoolean() ? 0 : 10) + "}", Expect.REFUSED);
            case 2 -> putReport("json", n, r, "deep arrays", "{\"template\":\"GOV_2019\",\"overview\":"
                    + "[".repeat(1000 + r.nextInt(50_000)) + "}", Expect.REFUSED);
            case 3 -> putReport("json", n, r, "not an object", pick(r, new String[] {"[]", "null", "42", "\"report\"", "true",
                    "", " ", "{}{}", "{\"template\":\"GOV_2019\"} trailing", "{'template':'GOV_2019'}", "{template:GOV_2019}",
                    "{\"template\":\"GOV_2019\",}", "{\"template\": \"GOV_2019\" /* c */}", "\uFEFF\uFEFF{}"}), Expect.REFUSED);
            case 4 -> putReport("json", n, r, "long text", set(report, pick(r, new String[] {"overview", "problems",
                    "otherMatters"}), "问".repeat(70_000 + r.nextInt(200_000))), Expect.ANY);
            case 5 -> putReport("json", n, r, "long key", set(report, "requests." + "k".repeat(10_000 + r.nextInt(100_000)) + ".total", 1),
                    Expect.REFUSED);
            case 6 -> putReport("json", n, r, "many unknown keys", manyKeys(r, 5_000 + r.nextInt(20_000)), Expect.REFUSED);
            case 7 -> putReport("json", n, r, "duplicate keys", whole.substring(0, whole.length() - 1)
                    + ",\"template\":\"GOV_2021\",\"template\":\"LEGACY\"}", Expect.ANY);
            case 8 -> post("json", n, "malformed agency", "/api/v1/agencies", pick(r, new String[] {"[]", "{", "null", "{\"name\":",
                    "{\"name\":\"x\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\",\"active\":\"yes\"}",
                    "{\"name\":[],\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}",
                    "{\"name\":\"x\",\"regionCode\":650102.5,\"sector\":\"EDUCATION\",\"id\":\"hx-" + t.runId() + "-j" + n + "@T@\"}",
                    "{\"name\":\"x\",\"regionCode\":{\"a\":1},\"sector\":\"EDUCATION\"}"}), Expect.REFUSED, TestTokens.admin(), Owner.REPORT);
            case 9 -> post("json", n, "malformed validate", "/api/v1/reports:validate", pick(r, new String[] {"[]", "{",
                    "{\"template\":NaN}", "{\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":Infinity}}}",
                    "{\"template\":\"GOV_2019\",\"requests\":[1,2,3]}", "{\"template\":{\"$ne\":null}}"}), Expect.REFUSED,
                    TestTokens.admin(), Owner.REPORT);
            default -> {
                String change = t.changeAgencies().get(r.nextInt(t.changeAgencies().size()));
                yield new HostileCase(n, "json", "malformed agency change", "PUT", "/api/v1/agencies/" + change,
                        json(TestTokens.admin()), pick(r, new String[] {"[]", "{\"active\":\"yes\"}", "{\"active\":1}",
                        "{\"name\":null,\"regionCode\":null}", "{\"regionCode\":true}", "{\"sector\":[\"EDUCATION\"]}"}), null, null, null,
                        Expect.REFUSED, Owner.REPORT, null, false, false);
            }
        };
    }

    private static String manyKeys(Random r, int count) {
        StringBuilder s = new StringBuilder("{\"template\":\"GOV_2019\",\"requests\":{");
        for (int k = 0; k < count; k++) {
            s.append(k == 0 ? "" : ",").append("\"k").append(k).append(r.nextInt(1000)).append("\":{\"total\":1}");
        }
        return s.append("}}").toString();
    }

    private HostileCase jsonHuge(int n, int i) {
        String agency = t.reportAgencies().get(0);
        String token = TestTokens.submitter(agency);
        return switch (i) {
            case 0 -> huge(n, "10 MB text in a report", "PUT", reportPath(agency, 2020), token,
                    "{\"template\":\"GOV_2019\",\"overview\":\"" + "很".repeat(10 * 1024 * 1024 / 3 + 10) + "\"}");
            case 1 -> huge(n, "10 MB batch", "POST", "/api/v1/reports:batch", token, "{\"reports\":[" + ("{\"agencyId\":\"" + agency
                    + "\",\"year\":2020,\"template\":\"GOV_2019\",\"overview\":\"" + "x".repeat(100_000) + "\"},").repeat(105) + "{}]}");
            case 2 -> huge(n, "1.5 MB number", "PUT", reportPath(agency, 2021), token,
                    "{\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":" + "9".repeat(1_500_000) + "}}}");
            default -> huge(n, "1.9 MB of nesting", "PUT", reportPath(agency, 2021), token,
                    "{\"template\":\"GOV_2019\",\"requests\":" + "{\"a\":".repeat(1_900_000 / 5) + "1}");
        };
    }

    private HostileCase huge(int n, String what, String method, String path, String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        return new HostileCase(n, "json-huge", what, null, path, List.of(), null, null, bytes, head, Expect.REFUSED, Owner.REPORT,
                null, true, false);
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    private static final String[] COUNT_CELLS = {"requests.newReceived.total", "activeDisclosure.licensing.decisions",
            "requests.outcome.withheld.stateSecret.naturalPerson", "reviewLitigation.reconsideration.total"};

    private HostileCase numbers(Random r, int n, int i) {
        ObjectNode report = seedReport();
        String count = pick(r, COUNT_CELLS);
        return switch (i % 10) {
            case 0 -> putReport("numbers", n, r, "huge count", set(report, count, pick(r, new Object[] {new BigDecimal("1e400"),
                    new BigDecimal("1e19"), new java.math.BigInteger("9223372036854775808"), new java.math.BigInteger("9".repeat(40)),
                    new BigDecimal("1e13"), new BigDecimal("2147483648")})), Expect.REFUSED);
            case 1 -> putReport("numbers", n, r, "negative count", set(report, count, -1 - r.nextInt(1_000_000)), Expect.REFUSED);
            case 2 -> putReport("numbers", n, r, "fractional count", set(report, count, pick(r, new Object[] {
                    new BigDecimal("1.5"), new BigDecimal("0.1"), new BigDecimal("2.000000001"), new BigDecimal("1e-3")})), Expect.REFUSED);
            case 3 -> putReport("numbers", n, r, "exponent count", set(report, count, pick(r, new Object[] {new BigDecimal("1E+2"),
                    new BigDecimal("2.0"), new BigDecimal("1e3"), new BigDecimal("0.0")})), Expect.ANY);
            case 4 -> putReport("numbers", n, r, "underflowing amount", "{\"template\":\"GOV_2021\",\"activeDisclosure\":{\"fees\":{\"amount\":"
                    + pick(r, new String[] {"1e-400", "4.9e-324", "1e-20", "2.2250738585072014E-308", "1e-12", "-1e-400"}) + "}}}", Expect.REFUSED);
            case 5 -> putReport("numbers", n, r, "huge amount", "{\"template\":\"GOV_2021\",\"activeDisclosure\":{\"fees\":{\"amount\":"
                    + pick(r, new String[] {"1e308", "1.8e308", "1e400", "-0.5", "99999999999999999999.99"}) + "}}}", Expect.REFUSED);
            case 6 -> putReport("numbers", n, r, "plain amount", "{\"template\":\"GOV_2021\",\"activeDisclosure\":{\"fees\":{\"amount\":"
                    + pick(r, new String[] {"12.5", "0", "0.01", "1234.5678", "3E+1"}) + "}}}", Expect.ANY);
            case 7 -> putReport("numbers", n, r, "number-ish string", set(report, count, pick(r, new Object[] {"NaN", "Infinity", "-Infinity",
                    "1e3", "0x10", "١٢", "１２", "12", " 12", "12 ", "+12", ""})), Expect.REFUSED);
            case 8 -> putReport("numbers", n, r, "non-JSON number", "{\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":"
                    + pick(r, new String[] {"NaN", "Infinity", "-Infinity", "0x10", "+1", ".5", "1.", "01", "1e", "--1"}) + "}}}", Expect.REFUSED);
            default -> post("numbers", n, "batch year", "/api/v1/reports:batch", "{\"reports\":[{\"agencyId\":\"" + agency(r)
                    + "\",\"year\":" + pick(r, new String[] {"2022.5", "\"2022\"", "1e308", "-1", "0", "99999", "2147483648", "null",
                    "\"２０２２\"", "2.022e3"}) + ",\"template\":\"GOV_2021\"}]}", Expect.REFUSED, TestTokens.admin(), Owner.REPORT);
        };
    }

    // ---- dates -------------------------------------------------------------------------------------------------

    private static final String[] BAD_DATES = {"+999999999-12-31", "-0001-01-01", "1900-01-01", "0000-01-01", "9999-12-31",
            "-999999999-01-01", "2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "20200120", "2020-1-5", "２０２１-01-28",
            "2021-01-28T00:00:00Z", " 2021-01-28", "2021-01-28 ", "", "yesterday", "1e3", "2021/01/28", "28.01.2021",
            "+2021-01-28", "02021-01-28", "1899-12-31", "3000-01-01"};

    private HostileCase dates(Random r, int n, int i) {
        ObjectNode report = seedReport();
        if (i % 8 == 7) {
            return putReport("dates", n, r, "valid date", set(report, "publishedOn", pick(r, new String[] {"2021-01-28", "2020-12-31"})),
                    Expect.ANY);
        }
        if (i % 8 == 6) {
            return putReport("dates", n, r, "date as number", set(report, "publishedOn", pick(r, new Object[] {20210128, 1.6e9, true,
                    List.of(2021, 1, 28), Map.of("year", 2021)})), Expect.REFUSED);
        }
        if (i % 8 == 5) {
            return post("dates", n, "date in a batch", "/api/v1/reports:batch", "{\"reports\":[{\"agencyId\":\"" + agency(r)
                    + "\",\"year\":2020,\"template\":\"GOV_2019\",\"publishedOn\":\"" + pick(r, BAD_DATES) + "\"}]}",
                    Expect.REFUSED, TestTokens.admin(), Owner.REPORT);
        }
        return putReport("dates", n, r, "publishedOn", set(report, "publishedOn", pick(r, BAD_DATES)), Expect.REFUSED);
    }

    // ---- encodings ---------------------------------------------------------------------------------------------

    private static final String TEXT = "本局2021年政府信息公开工作：依法公开，注重实效";

    private HostileCase encodings(Random r, int n, int i) {
        String agency = agency(r);
        String path = reportPath(agency, year(r));
        String token = TestTokens.submitter(agency);
        String field = pick(r, new String[] {"overview", "problems", "otherMatters"});
        return switch (i % 9) {
            case 0 -> declared(n, "GBK declared", path, token, "application/json; charset=" + pick(r, new String[] {"GBK", "gb18030",
                    "GB2312"}), report(field, TEXT), Charset.forName("GB18030"), TEXT, Expect.ANY);
            case 1 -> declared(n, "ISO-8859-1 declared", path, token, "application/json; charset=ISO-8859-1",
                    report(field, "Café Zürich ½"), StandardCharsets.ISO_8859_1, "Café Zürich ½", Expect.ANY);
            case 2 -> declared(n, "GBK bytes, no charset", path, token, pick(r, new String[] {"application/json",
                    "application/json; charset=UTF-8"}), report(field, TEXT), Charset.forName("GBK"), null, Expect.REFUSED);
            case 3 -> withBytes(n, "invalid UTF-8", path, token, invalidUtf8(r, field));
            case 4 -> putReport("encodings", n, r, "lone surrogate escape", "{\"template\":\"GOV_2019\",\"" + field + "\":\""
                    + pick(r, new String[] {"\\ud800", "\\udfff", "x\\ud800y", "\\udc00\\ud800", "\\ud800\\u0041", "教\\udbff"}) + "\"}",
                    Expect.REFUSED);
            case 5 -> {
                String text = pick(r, new String[] {"😀 表情", "𠀀𪚥 (CJK Ext B)", "a\u0301 é"});
                yield declared(n, "surrogate pair", path, token, "application/json",
                        "{\"template\":\"GOV_2019\",\"" + field + "\":\"" + (r.nextBoolean() ? text : escapeAll(text)) + "\"}",
                        StandardCharsets.UTF_8, text, Expect.ANY);
            }
            case 6 -> declared(n, "UTF-16 declared", path, token, pick(r, new String[] {"application/json; charset=UTF-16",
                    "application/json; charset=UTF-16BE"}), report(field, TEXT), StandardCharsets.UTF_16BE, TEXT, Expect.ANY);
            case 7 -> declared(n, "unknown charset", path, token, pick(r, new String[] {"application/json; charset=bogus-8",
                    "application/json; charset=\"utf-8\"", "application/json; charset=", "application/json; charset=utf-7"}),
                    report(field, TEXT), StandardCharsets.UTF_8, TEXT, Expect.ANY);
            default -> {
                String id = "hx-" + t.runId() + "-e" + n + TARGET_MARK;
                String name = pick(r, new String[] {"Café Zürich", "测试教育局"});
                Charset cs = name.startsWith("C") ? StandardCharsets.ISO_8859_1 : Charset.forName("GBK");
                yield new HostileCase(n, "encodings", "agency name in " + cs.name(), "POST", "/api/v1/agencies",
                        headers("Content-Type", "application/json; charset=" + cs.name(), "Authorization", "Bearer " + TestTokens.admin()),
                        "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}", cs, null,
                        null, Expect.ANY, Owner.REPORT, name, false, false);
            }
        };
    }

    private static String report(String field, String text) {
        return "{\"template\":\"GOV_2019\",\"" + field + "\":\"" + text + "\"}";
    }

    private static String escapeAll(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return s.toString();
    }

    private HostileCase declared(int n, String what, String path, String token, String contentType, String body, Charset charset,
                                 String storedText, Expect expect) {
        return new HostileCase(n, "encodings", what, "PUT", path, headers("Content-Type", contentType, "Authorization", "Bearer " + token),
                body, charset, null, null, expect, Owner.REPORT, storedText, false, false);
    }

    private HostileCase withBytes(int n, String what, String path, String token, byte[] body) {
        return new HostileCase(n, "encodings", what, "PUT", path, headers("Content-Type", "application/json; charset=UTF-8",
                "Authorization", "Bearer " + token), null, null, body, null, Expect.REFUSED, Owner.REPORT, null, false, false);
    }

    private static byte[] invalidUtf8(Random r, String field) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe6, (byte) 0x95}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"template\":\"GOV_2019\",\"" + field + "\":\"教育").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad[r.nextInt(bad.length)]);
        out.writeBytes("局\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---- NUL and control characters ----------------------------------------------------------------------------

    private static final String[] CONTROLS = {"\u0001", "\u0007", "\u0008", "\u001b", "\u007f", "\u0085", "\u2028", "\u202e",
            "\u200b", "\ufeff", "\uffff", "\ufffe"};

    private HostileCase nulControl(Random r, int n, int i) {
        boolean nul = i % 3 != 2;
        String c = String.format("\\u%04x", nul ? 0 : (int) pick(r, CONTROLS).charAt(0));
        String text = placed(r, c, "年度报告");
        Expect expect = nul ? Expect.REFUSED : Expect.ANY;
        String agency = agency(r);
        String admin = TestTokens.admin();
        return switch (i % 13) {
            case 0, 1, 2 -> putReport("nul-control", n, r, (nul ? "NUL" : "control") + " in a text",
                    "{\"template\":\"GOV_2019\",\"" + pick(r, new String[] {"overview", "problems", "otherMatters"}) + "\":\"" + text + "\"}", expect);
            case 3 -> putReport("nul-control", n, r, "control in template", "{\"template\":\"" + placed(r, c, "GOV_2019") + "\"}", Expect.REFUSED);
            case 4 -> putReport("nul-control", n, r, "control in publishedOn", "{\"template\":\"GOV_2019\",\"publishedOn\":\""
                    + placed(r, c, "2021-01-28") + "\"}", Expect.REFUSED);
            case 5 -> putReport("nul-control", n, r, "control in a cell name", "{\"template\":\"GOV_2019\",\"requests\":{\""
                    + placed(r, c, "newReceived") + "\":{\"total\":1}}}", Expect.REFUSED);
            case 6, 7 -> post("nul-control", n, (nul ? "NUL" : "control") + " in an agency name", "/api/v1/agencies",
                    "{\"id\":\"hx-" + t.runId() + "-c" + n + TARGET_MARK + "\",\"name\":\"" + placed(r, c, "测试教育局")
                            + "\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}", expect, admin, Owner.REPORT);
            case 8 -> post("nul-control", n, "control in agency id/region/sector", "/api/v1/agencies", pick(r, new String[] {
                    "{\"id\":\"" + placed(r, c, "hx-" + t.runId() + "-d" + n + TARGET_MARK) + "\",\"name\":\"测试局\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}",
                    "{\"id\":\"hx-" + t.runId() + "-d" + n + TARGET_MARK + "\",\"name\":\"测试局\",\"regionCode\":\"" + placed(r, c, "650102") + "\",\"sector\":\"EDUCATION\"}",
                    "{\"id\":\"hx-" + t.runId() + "-d" + n + TARGET_MARK + "\",\"name\":\"测试局\",\"regionCode\":\"650102\",\"sector\":\"" + placed(r, c, "EDUCATION") + "\"}"}),
                    Expect.REFUSED, admin, Owner.REPORT);
            case 9 -> {
                String change = t.changeAgencies().get(r.nextInt(t.changeAgencies().size()));
                yield new HostileCase(n, "nul-control", "control in an agency change", "PUT", "/api/v1/agencies/" + change, json(admin),
                        "{\"name\":\"" + placed(r, c, "改名教育局") + "\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}", null, null, null,
                        expect, Owner.REPORT, null, false, false);
            }
            case 10 -> post("nul-control", n, "control in a batch", "/api/v1/reports:batch", pick(r, new String[] {
                    "{\"reports\":[{\"agencyId\":\"" + placed(r, c, agency) + "\",\"year\":2020,\"template\":\"GOV_2019\"}]}",
                    "{\"reports\":[{\"agencyId\":\"" + agency + "\",\"year\":2020,\"template\":\"GOV_2019\",\"overview\":\"" + text + "\"}]}"}),
                    nul ? Expect.REFUSED : Expect.ANY, admin, Owner.REPORT);
            case 11 -> new HostileCase(n, "nul-control", "control in an import", "POST", "/api/v1/reports:import?agencyId=" + agency
                    + "&year=2021" + (r.nextBoolean() ? "&submit=true" : ""), headers("Content-Type", "text/plain; charset=UTF-8",
                    "Authorization", "Bearer " + admin), importText("测试教育局", 2021).replace("总体情况", "总体" + (nul ? "\u0000" : pick(r, CONTROLS)) + "情况"),
                    null, null, null, Expect.ANY, Owner.REPORT, null, false, false);
            default -> putReport("nul-control", n, r, "NUL as a key", "{\"template\":\"GOV_2019\",\"\\u0000\":1}", Expect.REFUSED);
        };
    }

    private static String placed(Random r, String c, String s) {
        return switch (r.nextInt(4)) {
            case 0 -> c + s;
            case 1 -> s + c;
            case 2 -> s.substring(0, s.length() / 2) + c + s.substring(s.length() / 2);
            default -> c.repeat(1 + r.nextInt(50));
        };
    }

    // ---- paths -------------------------------------------------------------------------------------------------

    private HostileCase paths(Random r, int n, int i) {
        String agency = agency(r);
        String token = TestTokens.submitter(agency);
        String valid = seedReport().toString();
        String[] years = {"02022", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%92", "+2022", "2022.0", "2147483648", "-2022", "0", "99999",
                "%00", "2022%00", "2022%20", "1e3", "0x7E6", "%D9%A2%D9%A0%D9%A2%D9%A2"};
        String[] ids = {"%00", "edu%00", agency + "%00", "x".repeat(300), "x".repeat(3000), "%2e%2e", "..%2F..%2Fq%2Fhealth",
                "%EF%BD%85%EF%BD%84%EF%BD%95-650102", "%2500", "%C0%AE%C0%AE", "%ff%fe", "EDU-650102", "%20", "%09"};
        return switch (i % 10) {
            case 0, 1 -> put("paths", n, "year in the path", reportPath(agency, pick(r, years)), valid, Expect.REFUSED, token);
            case 2 -> get("paths", n, "year in the path", reportPath(agency, pick(r, years)), Expect.ANY, Owner.REPORT);
            case 3 -> get("paths", n, "agency id", "/api/v1/agencies/" + pick(r, ids) + pick(r, new String[] {"", "/reports/2022",
                    "/reports/2022/versions", "/reports/2022/versions/1"}), Expect.ANY, Owner.REPORT);
            case 4 -> put("paths", n, "agency id", reportPath(pick(r, ids), 2022), valid, Expect.REFUSED, TestTokens.admin());
            case 5 -> get("paths", n, "version", reportPath(agency, 2020) + "/versions/" + pick(r, new String[] {"0", "-1", "99999999999",
                    "%00", "1.5", "０１", "01", "1%2F..%2F..", "v1"}), Expect.ANY, Owner.REPORT);
            case 6 -> get("paths", n, "template", "/api/v1/templates/" + pick(r, new String[] {"%00", "GOV_2019%00", "..%2F..%2Fq%2Fhealth",
                    "gov_2019", "GOV_2019%20", "x".repeat(5000), "%2e%2e%2f%2e%2e%2fetc%2fpasswd"}), Expect.ANY, Owner.REPORT);
            case 7 -> get("paths", n, "region", "/api/v1/regions/" + pick(r, new String[] {"%00", "%EF%BC%96%EF%BC%94%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90",
                    "0640000", "640000000000000000000", "..%2F..%2Fadmin%2Frebuild", "-640000", "64000%00"}) + "/totals?year=2023",
                    Expect.ANY, Owner.AGGREGATION);
            case 8 -> new HostileCase(n, "paths", "traversal to an admin path", "POST", pick(r, new String[] {
                    "/api/v1/regions/..%2Fadmin%2Frebuild", "/api/v1/templates/..%2F..%2Fadmin%2Frebuild", "/api/v1/agencies/%2e%2e/%2e%2e/admin/rebuild",
                    "/api/v1/regions/640000/..%2F..%2Fadmin/rebuild"}), headers("Content-Type", "application/json"), "{}", null, null, null,
                    Expect.REFUSED, Owner.NONE, null, false, false);
            default -> get("paths", n, "outside the API", pick(r, new String[] {"/nope", "/api/v2/agencies", "/%00", "/api/v1/nothing",
                    "/api", "/api/v1/", "/dashboard/..%2f..%2fetc%2fpasswd", "/q/nope", "/api/openapi.json%00", "/favicon.ico%00"}),
                    Expect.REFUSED, Owner.NONE);
        };
    }

    // ---- query -------------------------------------------------------------------------------------------------

    private HostileCase query(Random r, int n, int i) {
        return switch (i % 6) {
            case 0, 1 -> get("query", n, "agency listing", "/api/v1/agencies?" + pick(r, new String[] {"page=3000000&size=1000",
                    "page=2147483647&size=1000", "page=-1", "size=0", "size=-5", "size=1001", "size=2147483648", "page=abc", "size=1e3",
                    "page=1&page=2&size=3&size=4", "region=%00", "region=%FF", "region=" + "1".repeat(500), "sector=%00",
                    "sector=EDU%00CATION", "page=%EF%BC%91", "page=01", "region=650102&region=640000", "page=9223372036854775807"}),
                    Expect.ANY, Owner.REPORT);
            case 2 -> get("query", n, "report listing", "/api/v1/reports?" + pick(r, new String[] {"page=3000000&size=1000",
                    "page=2147483647&size=1000", "year=99999999999", "year=-1", "year=abc", "level=%00", "status=%00", "size=1001",
                    "region=%00", "year=2022&year=2023", "page=-2147483648", "size=0", "year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%92"}),
                    Expect.ANY, Owner.REPORT);
            case 3 -> get("query", n, "totals", "/api/v1/regions/640000/" + pick(r, new String[] {"totals", "completeness", "breakdown"})
                    + "?" + pick(r, new String[] {"year=abc", "year=99999999999", "year=-2147483648", "year=2023&year=2024", "year=2023&sector=%00",
                    "year=2023&level=%00", "year=2023&metric=%00", "year=2023&metric=" + "x".repeat(5000), "year=%00", "", "year=",
                    "year=2023&sector=" + "E".repeat(3000)}), Expect.ANY, Owner.AGGREGATION);
            case 4 -> get("query", n, "comparison", "/api/v1/compare?" + pick(r, new String[] {"regions=" + codes(600) + "&year=2023",
                    "regions=&year=2023", "regions=%00&year=2023", "regions=640000&year=2023&metrics=" + "requests.newReceived.total,".repeat(300),
                    "agencies=" + "edu-640323,".repeat(500) + "&year=2023", "regions=640000,640000&year=2023&metrics=%00"}),
                    Expect.ANY, Owner.AGGREGATION);
            default -> get("query", n, "trend and ranking", pick(r, new String[] {
                    "/api/v1/regions/640000/trend?metric=disclosureRate&from=-2147483648&to=2147483647",
                    "/api/v1/regions/640000/trend?metric=disclosureRate&from=1&to=999999",
                    "/api/v1/regions/640000/trend?metric=disclosureRate&from=2024&to=2019",
                    "/api/v1/rankings?year=2023&indicator=disclosureRate&limit=2147483647",
                    "/api/v1/rankings?year=2023&indicator=disclosureRate&limit=-1",
                    "/api/v1/rankings?year=2023&indicator=disclosureRate&limit=abc",
                    "/api/v1/rankings?year=2023&indicator=%00", "/api/v1/rankings?year=2023&indicator=disclosureRate&order=%00",
                    "/api/v1/rankings?year=2023&indicator=disclosureRate&parent=%00&level=%00"}), Expect.ANY, Owner.AGGREGATION);
        };
    }

    private static String codes(int count) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < count; k++) {
            s.append(k == 0 ? "" : ",").append(110000 + k * 100);
        }
        return s.toString();
    }

    // ---- headers -----------------------------------------------------------------------------------------------

    private HostileCase headers(Random r, int n, int i) {
        String agency = agency(r);
        String token = TestTokens.submitter(agency);
        String path = reportPath(agency, year(r));
        String body = "{\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":" + r.nextInt(100) + "}}}";
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Authorization", "Bearer " + token});
        String what;
        String method = "PUT";
        switch (i % 7) {
            case 0 -> {
                what = "odd Content-Type";
                String type = pick(r, new String[] {"text/plain", "application/xml", "application/json;;", "application/jsonx",
                        "multipart/form-data; boundary=x", "*/*", "application/json, text/plain", "application/merge-patch+json",
                        "application/x-www-form-urlencoded", "application/json; charset=utf-8; charset=gbk", "application/" + "j".repeat(2000)});
                h.add(new String[] {"Content-Type", type});
            }
            case 1 -> {
                what = "no Content-Type";
            }
            case 2 -> {
                what = "odd Accept";
                method = r.nextBoolean() ? "GET" : "PUT";
                h.add(new String[] {"Content-Type", "application/json"});
                h.add(new String[] {"Accept", pick(r, new String[] {"application/xml", "text/csv", "image/png", "*/*;q=abc",
                        "application/json;q=0", "text/html", "a/" + "b".repeat(4000), "application/problem+xml"})});
            }
            case 3 -> {
                what = "odd If-Match";
                h.add(new String[] {"Content-Type", "application/json"});
                h.add(new String[] {pick(r, new String[] {"If-Match", "If-None-Match"}), pick(r, new String[] {"garbage",
                        "\"v99999999999999999999\"", "W/\"v1\"", "\"v-1\"", "\"v1\", \"v2\"", "\"\"", "*", "\"v" + "9".repeat(500) + "\""})});
            }
            case 4 -> {
                what = "odd Prefer";
                h.add(new String[] {"Content-Type", "application/json"});
                h.add(new String[] {"Prefer", pick(r, new String[] {"return=minimal;return=representation", "return=", "x".repeat(3000),
                        "respond-async, wait=999999999999"})});
            }
            case 5 -> {
                what = "many headers";
                h.add(new String[] {"Content-Type", "application/json"});
                for (int k = 0; k < 50 + r.nextInt(50); k++) {
                    h.add(new String[] {"X-Extra-" + k, "v".repeat(r.nextInt(60))});
                }
            }
            default -> {
                what = "odd request id or origin";
                h.add(new String[] {"Content-Type", "application/json"});
                h.add(new String[] {pick(r, new String[] {"X-Request-Id", "Origin", "X-Forwarded-For", "Forwarded"}),
                        pick(r, new String[] {"x".repeat(2000), "a b c", "../../etc", "null", "127.0.0.1, 10.0.0.1", "http://evil.example"})});
            }
        }
        return new HostileCase(n, "headers", what, method, path, h, method.equals("GET") ? null : body, null, null, null,
                Expect.ANY, Owner.REPORT, null, false, false);
    }

    // ---- protocol (raw socket) ---------------------------------------------------------------------------------

    private HostileCase protocol(Random r, int n, int i) {
        String ok = "GET /api/v1/templates HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
        String put = "PUT " + reportPath(t.reportAgencies().get(0), 2020) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TestTokens.admin() + "\r\nContent-Type: application/json\r\n";
        byte[] small = "{\"template\":\"GOV_2019\"}".getBytes(StandardCharsets.UTF_8);
        return switch (i % 17) {
            case 0 -> raw("protocol", n, "garbage request line", pick(r, new String[] {"GARBAGE\r\n\r\n", "GET\r\n\r\n",
                    "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "GET /\r\n\r\n", "GET  /api/v1/templates  HTTP/1.1\r\n\r\n",
                    "G\u00c9T /api/v1/templates HTTP/1.1\r\n\r\n"}), null, Expect.REFUSED_BY_CODEC, Owner.NONE, false);
            case 1 -> raw("protocol", n, "URI over the line limit (414)", "GET /api/v1/templates?x=" + "a".repeat(9_000 + r.nextInt(60_000))
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null, Expect.REFUSED, Owner.NONE, false);
            case 2 -> raw("protocol", n, "header over the size limit (431)", ok + "X-Big: " + "h".repeat(40_000 + r.nextInt(30_000))
                    + "\r\n\r\n", null, Expect.REFUSED, Owner.NONE, false);
            case 3 -> raw("protocol", n, "headers over the size limit (431)", ok + ("X-Many: " + "m".repeat(100) + "\r\n").repeat(300 + r.nextInt(500))
                    + "\r\n", null, Expect.REFUSED, Owner.NONE, false);
            // RFC 9112 5.1, 5.2: whitespace before the colon must be refused; a folded line, a bare CR or a NUL in a value
            // may be refused or replaced by a space
            case 4 -> r.nextBoolean()
                    ? raw("protocol", n, "malformed header", ok + pick(r, new String[] {"Bad Header: x\r\n", "Bad-Header : x\r\n",
                    "NoColon\r\n", ": empty-name\r\n"}) + "\r\n", null, Expect.REFUSED_BY_CODEC, Owner.NONE, false)
                    : raw("protocol", n, "folded or odd header value", ok + pick(r, new String[] {"X-A: a\r\n folded\r\n",
                    "X-Nul: a\u0000b\r\n", "X-Cr: a\rb\r\n"}) + "\r\n", null, Expect.ANY, Owner.REPORT, false);
            case 5 -> raw("protocol", n, "bad Content-Length", put + "Content-Length: " + pick(r, new String[] {"abc", "-1", "1e3",
                    "99999999999999999999999", "0x10", "", "5, 6"}) + "\r\n\r\n", small, Expect.REFUSED_BY_CODEC, Owner.NONE, false);
            case 6 -> raw("protocol", n, "two Content-Lengths", put + "Content-Length: " + small.length + "\r\nContent-Length: 3\r\n\r\n",
                    small, Expect.REFUSED_BY_CODEC, Owner.NONE, false);
            case 7 -> raw("protocol", n, "Content-Length and chunked", put + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                    ("17\r\n" + new String(small, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8), Expect.ANY, Owner.NONE, false);
            case 8 -> raw("protocol", n, "bad chunk", put + "Transfer-Encoding: chunked\r\n\r\n", pick(r, new String[] {"zz\r\nabc\r\n0\r\n\r\n",
                    "ffffffffffffffff\r\nabc\r\n0\r\n\r\n", "-1\r\n\r\n"}).getBytes(StandardCharsets.UTF_8),
                    Expect.REFUSED_OR_CLOSED, Owner.NONE, false);
            case 9 -> raw("protocol", n, "bare LF line ends", ok.replace("\r\n", "\n") + "\n", null, Expect.ANY_OR_REFUSED_BY_CODEC,
                    Owner.REPORT, false);
            case 10 -> raw("protocol", n, "no Host", "GET /api/v1/templates HTTP/1.1\r\nConnection: close\r\n\r\n", null, Expect.ANY,
                    Owner.REPORT, false);
            case 11 -> raw("protocol", n, "absolute-form target", "GET http://evil.example/api/v1/templates HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n", null, Expect.ANY, Owner.REPORT, false);
            case 12 -> raw("protocol", n, "raw bytes in the path", "GET /api/v1/agencies/" + pick(r, new String[] {"\u00ff\u00fe", "%zz",
                    "%", "a b", "\u00c0\u00ae", "%u0000", "<x>", "\"q\""}) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                    null, Expect.REFUSED, Owner.NONE, false);
            case 13 -> raw("protocol", n, "huge Host", "GET /api/v1/templates HTTP/1.1\r\nHost: " + "h".repeat(5000 + r.nextInt(40_000))
                    + "\r\nConnection: close\r\n\r\n", null, Expect.ANY, Owner.REPORT, false);
            case 14 -> raw("protocol", n, "Expect 100-continue over the body limit", put + "Expect: 100-continue\r\nContent-Length: "
                    + (50_000_000 + r.nextInt(1_000_000)) + "\r\n\r\n", null, Expect.REFUSED, Owner.NONE, false);
            case 15 -> raw("protocol", n, "unknown method", pick(r, new String[] {"BREW", "PROPFIND", "TRACE", "CONNECT", "DELETEX", "get"})
                    + " /api/v1/templates HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null, Expect.REFUSED, Owner.NONE, false);
            default -> raw("protocol", n, "NUL in the request line", "GET /api/v1/templates\u0000 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n", null, Expect.REFUSED_BY_CODEC, Owner.NONE, false);
        };
    }

    // ---- imports -----------------------------------------------------------------------------------------------

    static String importText(String agencyName, int year) {
        return agencyName + year + "年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n"
                + "二、主动公开政府信息情况\n行政许可\t228\n行政处罚\t0\n"
                + "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n"
                + "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
    }

    private HostileCase imports(Random r, int n, int i) {
        String agency = agency(r);
        String admin = TestTokens.admin();
        String base = "/api/v1/reports:import";
        return switch (i % 10) {
            case 0 -> imp(n, "plain text", base + "?agencyId=" + agency + "&year=2021" + (r.nextBoolean() ? "&submit=true" : ""),
                    "text/plain; charset=UTF-8", importText("测试教育局", 2021).getBytes(StandardCharsets.UTF_8), admin, Expect.ANY);
            case 1 -> imp(n, "submit of an unregistered agency", base + "?submit=true", "text/plain; charset=UTF-8",
                    importText(pick(r, new String[] {"不存在县教育局", "火星市教育局", "某某局"}), 2021).getBytes(StandardCharsets.UTF_8), admin, Expect.REFUSED);
            case 2 -> imp(n, "submit for an unregistered id", base + "?submit=true&agencyId=" + t.unregistered() + "&year=2021",
                    "text/plain", importText("测试教育局", 2021).getBytes(StandardCharsets.UTF_8), admin, Expect.REFUSED);
            case 3 -> imp(n, "bad year", base + "?submit=true&agencyId=" + agency + "&year=" + pick(r, new String[] {"99999", "-1", "abc",
                    "0", "2147483648", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91", "02021"}), "text/plain",
                    importText("测试教育局", 2021).replaceAll("2021", "").getBytes(StandardCharsets.UTF_8), admin, Expect.REFUSED);
            case 4 -> imp(n, "huge spans", base, "text/html", ("<html><body><h1>测试教育局2021年政府信息公开工作年度报告</h1><table><tr>"
                    + ("<td rowspan=\"" + pick(r, new String[] {"2147483647", "99999999999", "-1", "1000000"}) + "\" colspan=\""
                    + pick(r, new String[] {"2147483647", "1000000", "65535", "0"}) + "\">行政许可</td><td>1</td>").repeat(1 + r.nextInt(20))
                    + "</tr></table></body></html>").getBytes(StandardCharsets.UTF_8), admin, Expect.ANY);
            case 5 -> imp(n, "nested tables", base, "text/html", ("<table><tr><td>".repeat(200 + r.nextInt(2000)) + "行政许可 1"
                    + "</td></tr></table>".repeat(r.nextInt(3))).getBytes(StandardCharsets.UTF_8), admin, Expect.ANY);
            case 6 -> {
                byte[] bytes = new byte[1024 + r.nextInt(64 * 1024)];
                r.nextBytes(bytes);
                yield imp(n, "binary", base + (r.nextBoolean() ? "?submit=true&agencyId=" + agency + "&year=2021" : ""),
                        pick(r, new String[] {"text/plain", "text/html", "text/plain; charset=GBK"}), bytes, admin, Expect.ANY);
            }
            // a text sent as application/octet-stream is told by its bytes and read; the others are refused
            case 7 -> {
                String type = pick(r, new String[] {"application/octet-stream", "application/json", "image/png",
                        "multipart/form-data; boundary=x"});
                yield imp(n, "odd Content-Type", base, type, importText("测试教育局", 2021).getBytes(StandardCharsets.UTF_8), admin,
                        type.equals("application/octet-stream") ? Expect.ANY : Expect.REFUSED);
            }
            case 8 -> imp(n, "empty or blank", base + (r.nextBoolean() ? "?submit=true" : ""), "text/plain",
                    pick(r, new String[] {"", " ", "\n\n\n", "\u0000", "\t".repeat(1000)}).getBytes(StandardCharsets.UTF_8), admin, Expect.ANY);
            default -> imp(n, "GBK text", base + "?agencyId=" + agency + "&year=2021", "text/plain; charset=GBK",
                    importText("测试教育局", 2021).getBytes(Charset.forName("GBK")), admin, Expect.ANY);
        };
    }

    private HostileCase imp(int n, String what, String path, String type, byte[] body, String token, Expect expect) {
        return new HostileCase(n, "imports", what, "POST", path, headers("Content-Type", type, "Authorization", "Bearer " + token),
                null, null, body, null, expect, Owner.REPORT, null, false, false);
    }

    private HostileCase importHuge(int n, int i) {
        String path = "/api/v1/reports:import";
        byte[] body = switch (i) {
            // 18,000 table rows of 51 cells, about 2 MB: the importer's cost grows faster than its input
            case 0 -> ("行政许可\t" + "1\t".repeat(50) + "\n").repeat(18_000).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("<table>" + "<tr><td rowspan=\"65534\" colspan=\"1000\">行政许可</td><td>1</td></tr>".repeat(24_000) + "</table>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[1_900_000];
                new Random(seed + n).nextBytes(bytes);
                yield bytes;
            }
        };
        String type = i == 1 ? "text/html" : "text/plain; charset=UTF-8";
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + TestTokens.admin()
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        // a deliberate overload: 503 with Retry-After is an allowed answer
        return new HostileCase(n, "import-huge", new String[] {"2 MB of table rows", "1.9 MB of spanning cells", "1.9 MB of binary"}[i],
                null, path, List.of(), null, null, body, head, Expect.ANY, Owner.REPORT, null, true, true);
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    private HostileCase batches(Random r, int n, int i) {
        String a = t.reportAgencies().get(r.nextInt(t.reportAgencies().size()));
        String b = t.reportAgencies().get((t.reportAgencies().indexOf(a) + 1) % t.reportAgencies().size());
        String admin = TestTokens.admin();
        String good = "{\"agencyId\":\"" + a + "\",\"year\":" + year(r) + ",\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":"
                + r.nextInt(50) + "}}}";
        String goodB = good.replace(a, b);
        String path = "/api/v1/reports:batch";
        return switch (i % 8) {
            case 0 -> post("batches", n, "empty or not a batch", path, pick(r, new String[] {"{\"reports\":[]}", "{\"reports\":null}", "{}",
                    "[]", "{\"reports\":{}}", "{\"reports\":\"x\"}", "{\"reports\":[null]}", "{\"reports\":[1]}", "{\"reports\":[[]]}"}),
                    Expect.REFUSED, admin, Owner.REPORT);
            case 1 -> {
                StringBuilder s = new StringBuilder("{\"reports\":[");
                for (int k = 0; k < 501; k++) {
                    s.append(k == 0 ? "" : ",").append("{\"agencyId\":\"").append(t.reportAgencies().get(k % t.reportAgencies().size()))
                            .append("\",\"year\":").append(1000 + k).append(",\"template\":\"GOV_2019\"}");
                }
                yield post("batches", n, "501 reports", path, s.append("]}").toString(), Expect.REFUSED, admin, Owner.REPORT);
            }
            case 2 -> post("batches", n, "duplicates", path, "{\"reports\":[" + good + "," + good + "]}", Expect.REFUSED, admin, Owner.REPORT);
            case 3 -> post("batches", n, "mixed bad", path, "{\"reports\":[" + good + "," + pick(r, new String[] {
                    goodB.replace("\"total\":", "\"total\":-"), goodB.replace("GOV_2019", "GOV_2019\\u0000"),
                    goodB.replace("\"template\"", "\"publishedOn\":\"+999999999-12-31\",\"template\""),
                    goodB.replace("\"template\"", "\"overview\":\"\\ud800\",\"template\""), goodB.replace(b, t.unregistered()),
                    goodB.replace("\"total\":", "\"total\":1.5e-400+"), goodB.replace("\"year\":", "\"year\":-")}) + "]}",
                    Expect.REFUSED, admin, Owner.REPORT);
            case 4 -> post("batches", n, "valid", path, "{\"reports\":[" + good + "," + goodB + "]}", Expect.ANY, admin, Owner.REPORT);
            case 5 -> post("batches", n, "another agency's report", path, "{\"reports\":[" + good + "," + goodB + "]}", Expect.DENIED,
                    TestTokens.submitter(a), Owner.REPORT);
            case 6 -> post("batches", n, "missing agency or year", path, "{\"reports\":[" + pick(r, new String[] {
                    good.replace("\"agencyId\":\"" + a + "\",", ""), good.replace("\"agencyId\":\"" + a + "\"", "\"agencyId\":null"),
                    good.replace("\"agencyId\":\"" + a + "\"", "\"agencyId\":123"), good.replaceAll("\"year\":\\d+,", ""),
                    good.replace("\"agencyId\":\"" + a + "\"", "\"agencyId\":\"\"")}) + "]}", Expect.REFUSED, admin, Owner.REPORT);
            default -> post("batches", n, "strict with warnings", path + "?strict=" + pick(r, new String[] {"true", "yes", "%00", "1"}),
                    "{\"reports\":[" + good.replace("\"newReceived\":{\"total\"", "\"newReceived\":{\"naturalPerson\":5,\"total\"") + "]}",
                    Expect.ANY, admin, Owner.REPORT);
        };
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private HostileCase tokens(Random r, int n, int i) {
        String a = agency(r);
        String other = t.reportAgencies().get((t.reportAgencies().indexOf(a) + 1) % t.reportAgencies().size());
        String report = "{\"template\":\"GOV_2019\",\"requests\":{\"newReceived\":{\"total\":7}}}";
        // what the token asks for: a write of agency a, a registration, a rebuild, quality detail
        int target = r.nextInt(5);
        String token;
        String what;
        if (i % 3 == 0) {
            String[] wrongRole = {"submitter of another agency", "overseer", "overseer of another region", "no groups"};
            int w = r.nextInt(wrongRole.length);
            what = wrongRole[w];
            token = switch (w) {
                case 0 -> TestTokens.submitter(other);
                case 1 -> TestTokens.overseer("650000");
                case 2 -> TestTokens.overseer("620000");
                default -> TestTokens.of("nobody-" + n, Set.of());
            };
            if (target == 1 && w == 1) {
                target = 0; // an overseer of 650000 may read 650102's quality: not a wrong role there
            }
        } else {
            String[] kinds = {"alg none", "alg none with a signature", "HS256 keyed with the public key", "forged (other key)", "expired",
                    "wrong audience", "agency claim changed", "groups changed to admin", "truncated signature", "empty", "junk",
                    "Basic credentials", "three dots", "unsigned with admin claims, lower-case alg"};
            int k = r.nextInt(kinds.length);
            what = kinds[k];
            token = forge(k, other, a);
        }
        String auth = token.startsWith("Basic ") ? token : "Bearer " + token;
        return switch (target) {
            case 0 -> new HostileCase(n, "tokens", what + ": write another's report", r.nextBoolean() ? "PUT" : "DELETE", reportPath(a, year(r)),
                    headers("Content-Type", "application/json", "Authorization", auth), report, null, null, null, Expect.DENIED, Owner.REPORT,
                    null, false, false);
            case 1 -> new HostileCase(n, "tokens", what + ": quality detail", "GET", "/api/v1/regions/650102/quality?year=2023",
                    headers("Authorization", auth), null, null, null, null, Expect.DENIED, Owner.AGGREGATION, null, false, false);
            case 2 -> new HostileCase(n, "tokens", what + ": register an agency", "POST", "/api/v1/agencies",
                    headers("Content-Type", "application/json", "Authorization", auth), "{\"id\":\"hx-" + t.runId() + "-t" + n + TARGET_MARK
                    + "\",\"name\":\"冒名局\",\"regionCode\":\"650102\",\"sector\":\"EDUCATION\"}", null, null, null, Expect.DENIED, Owner.REPORT,
                    null, false, false);
            case 3 -> new HostileCase(n, "tokens", what + ": rebuild", "POST", "/api/v1/admin/rebuild", headers("Authorization", auth),
                    null, null, null, null, Expect.DENIED, Owner.AGGREGATION, null, false, false);
            default -> new HostileCase(n, "tokens", what + ": batch", "POST", "/api/v1/reports:batch",
                    headers("Content-Type", "application/json", "Authorization", auth), "{\"reports\":[{\"agencyId\":\"" + a
                    + "\",\"year\":2022,\"template\":\"GOV_2021\"}]}", null, null, null, Expect.DENIED, Owner.REPORT, null, false, false);
        };
    }

    /** A token that must not be accepted; {@code own} is the agency the genuine token was for, {@code victim} the one attacked. */
    private String forge(int kind, String own, String victim) {
        String genuine = TestTokens.submitter(own);
        String[] parts = genuine.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String adminPayload = payload.replaceAll("\"groups\":\\[[^]]*]", "\"groups\":[\"admin\",\"submitter\"]");
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return switch (kind) {
            case 0 -> none + "." + b64.encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8)) + ".";
            case 1 -> none + "." + b64.encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 2 -> {
                String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + b64.encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8));
                yield head + "." + b64.encodeToString(hmac(publicKeyPem.getBytes(StandardCharsets.US_ASCII), head));
            }
            case 3 -> TestTokens.forged();
            case 4 -> TestTokens.expired();
            case 5 -> TestTokens.wrongAudience();
            case 6 -> parts[0] + "." + b64.encodeToString(payload.replace(own, victim).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 7 -> parts[0] + "." + b64.encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 8 -> parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2);
            case 9 -> "";
            case 10 -> "x".repeat(20_000);
            case 11 -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case 12 -> "...";
            default -> b64.encodeToString("{\"alg\":\"None\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8)) + ".";
        };
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The flood: requests with invalid tokens, as fast as a few connections can send them. */
    public static String floodHead(String token) {
        return "GET /api/v1/templates HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }
}

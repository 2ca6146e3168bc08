package org.nianbao.importer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one report file to the report service's import endpoint ({@code POST /api/v1/reports:import}) and reads the
 * answer: what was stored and its warnings, or the Problem Details of a refusal.
 */
final class ImportClient {

    static final String IMPORT_PATH = "/api/v1/reports:import";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How deep to look for warnings and identifiers in an answer whose exact shape is the service's business. */
    private static final int SEARCH_DEPTH = 3;
    private static final int MAX_ERRORS_SHOWN = 3;

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final String agencyId;
    private final Duration timeout;

    ImportClient(HttpClient http, String baseUrl, String token, String agencyId, Duration timeout) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.agencyId = agencyId;
        this.timeout = timeout;
    }

    /** Without {@code submit}, the service only parses: a dry run. */
    URI importUri(boolean submit) {
        List<String> query = new ArrayList<>();
        if (submit) {
            query.add("submit=true");
        }
        if (agencyId != null) {
            query.add("agencyId=" + URLEncoder.encode(agencyId, StandardCharsets.UTF_8));
        }
        return URI.create(baseUrl + IMPORT_PATH + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    FileOutcome send(Path file, boolean submit) {
        ReportFiles.Body body;
        try {
            body = ReportFiles.body(file);
        } catch (IOException e) {
            return failed(file, "cannot read the file: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(importUri(submit))
                .timeout(timeout)
                .header("Content-Type", body.mediaType())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return failed(file, "no answer from " + baseUrl + " within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return failed(file, "cannot reach " + baseUrl + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, "interrupted");
        }
        return response.statusCode() / 100 == 2 ? accepted(file, response, submit) : refused(file, response);
    }

    private static FileOutcome accepted(Path file, HttpResponse<String> response, boolean submit) {
        JsonNode answer = parse(response.body());
        List<String> details = new ArrayList<>();
        String stored = identify(answer);
        if (stored != null) {
            details.add(stored);
        }
        String template = text(find(answer, "template", SEARCH_DEPTH));
        if (template != null) {
            details.add(template);
        }
        JsonNode cells = find(answer, "cells", SEARCH_DEPTH);
        if (cells != null && (cells.isArray() || cells.isObject())) {
            details.add(cells.size() + " cells");
        }
        List<String> warnings = new ArrayList<>();
        int ruleWarnings = count(answer, "warnings");
        if (ruleWarnings > 0) {
            warnings.add(ruleWarnings + " rule warning(s)");
        }
        int unplaced = count(answer, "unplaced");
        if (unplaced > 0) {
            warnings.add(unplaced + " number(s) not placed in a cell");
        }
        if (!submit) {
            details.add(0, "parsed, not submitted");
        }
        String detail = String.join(", ", details) + (warnings.isEmpty() ? "" : ": " + String.join("; ", warnings));
        return new FileOutcome(file, warnings.isEmpty() ? FileOutcome.Status.IMPORTED
                : FileOutcome.Status.IMPORTED_WITH_WARNINGS, detail.isEmpty() ? "HTTP " + response.statusCode() : detail);
    }

    /** The Problem Details (title, detail, the first errors) or, for another body, the status and its start. */
    private static FileOutcome refused(Path file, HttpResponse<String> response) {
        JsonNode problem = parse(response.body());
        StringBuilder reason = new StringBuilder().append(response.statusCode());
        String title = text(problem == null ? null : problem.get("title"));
        String detail = text(problem == null ? null : problem.get("detail"));
        if (title != null) {
            reason.append(' ').append(title);
        }
        if (detail != null && !detail.equals(title)) {
            reason.append(title != null ? ": " : " ").append(detail);
        }
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray()) {
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                String message = text(error.get("message"));
                String field = text(error.get("field"));
                if (message != null) {
                    messages.add(field == null || field.isEmpty() ? message : field + ": " + message);
                }
            }
            if (!messages.isEmpty()) {
                reason.append(" — ").append(String.join("; ", messages.subList(0, Math.min(MAX_ERRORS_SHOWN,
                        messages.size()))));
                if (messages.size() > MAX_ERRORS_SHOWN) {
                    reason.append("; and ").append(messages.size() - MAX_ERRORS_SHOWN).append(" more");
                }
            }
        }
        if (title == null && detail == null) {
            String body = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
            if (!body.isEmpty()) {
                reason.append(' ').append(body, 0, Math.min(200, body.length()));
            }
        }
        return failed(file, reason.toString());
    }

    /** agencyId/year and version, wherever the answer puts them. */
    private static String identify(JsonNode answer) {
        String agency = text(find(answer, "agencyId", SEARCH_DEPTH));
        JsonNode year = find(answer, "year", SEARCH_DEPTH);
        JsonNode version = find(answer, "version", SEARCH_DEPTH);
        if (agency == null) {
            return null;
        }
        String id = agency + (year != null && year.isNumber() ? "/" + year.asInt() : "");
        return version != null && version.isNumber() ? id + " v" + version.asInt() : id;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The first field of that name, breadth first, down to {@code depth} levels. */
    private static JsonNode find(JsonNode node, String name, int depth) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(name)) {
            return node.get(name);
        }
        if (depth == 0) {
            return null;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, name, depth - 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int count(JsonNode answer, String arrayName) {
        JsonNode array = find(answer, arrayName, SEARCH_DEPTH);
        return array != null && array.isArray() ? array.size() : 0;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused (is the service running?)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static FileOutcome failed(Path file, String reason) {
        return new FileOutcome(file, FileOutcome.Status.FAILED, reason);
    }
}

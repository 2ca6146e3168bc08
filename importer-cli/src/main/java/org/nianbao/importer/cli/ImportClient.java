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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one document to the report service's import endpoint ({@code POST /api/v1/reports:import}) and hands back
 * its answer: what was read (and stored), or the Problem Details of a refusal, or why no answer came.
 */
final class ImportClient {

    static final String IMPORT_PATH = "/api/v1/reports:import";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The agency id given for every file (--agency), or null. */
    String agencyId() {
        return agencyId;
    }

    /**
     * Without {@code submit}, the service only parses: a dry run. The hints (from the file name) go as
     * {@code agencyName=} and {@code year=}, which the service uses where the title says nothing.
     */
    URI importUri(boolean submit, NameGuess hints) {
        List<String> query = new ArrayList<>();
        if (submit) {
            query.add("submit=true");
        }
        if (agencyId != null) {
            query.add("agencyId=" + encode(agencyId));
        }
        if (hints.agencyName() != null) {
            query.add("agencyName=" + encode(hints.agencyName()));
        }
        if (hints.year() != null) {
            query.add("year=" + hints.year());
        }
        return URI.create(baseUrl + IMPORT_PATH + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    ImportAnswer send(Document document, NameGuess hints, boolean submit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(importUri(submit, hints))
                .timeout(timeout)
                .header("Content-Type", document.mediaType())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document.bytes()));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return ImportAnswer.noAnswer("no answer from " + baseUrl + " within " + timeout.toSeconds()
                    + " s (a longer --timeout gives the service more time)");
        } catch (IOException e) {
            return ImportAnswer.noAnswer("cannot reach " + baseUrl + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ImportAnswer.noAnswer("interrupted");
        }
        return new ImportAnswer(response.statusCode(), parse(response.body()), response.body(), null);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused (is the service running?)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

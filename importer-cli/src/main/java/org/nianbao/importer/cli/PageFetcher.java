package org.nianbao.importer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a published page or attachment: within a connect timeout and a read timeout (for the whole answer), at
 * most a size limit of body, following at most {@link #MAX_REDIRECTS} redirects, to http and https addresses only.
 * The body is kept as the server sent it, with its Content-Type: the report service tells the charset.
 */
final class PageFetcher {

    static final int MAX_REDIRECTS = 5;

    /** A fetched page or attachment, at the address it was finally found at. */
    record Fetched(URI uri, byte[] bytes, String contentType) {
    }

    /** Why a page could not be fetched, said so a reader knows what to do. */
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final long maxBytes;

    /** @param http a client built with the connect timeout and without following redirects itself */
    PageFetcher(HttpClient http, Duration readTimeout, long maxBytes) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Fetched fetch(URI uri) throws FetchException {
        URI current = checkScheme(uri, uri);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = get(current);
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                if (redirects == MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + uri + " (last to "
                            + current + ")");
                }
                current = checkScheme(resolve(current, response.headers().firstValue("Location").get()), uri);
                continue;
            }
            if (status / 100 != 2) {
                throw new FetchException("HTTP " + status + " from " + current
                        + (status == 404 ? " (not found: check the address)" : ""));
            }
            return new Fetched(current, response.body(), response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Accept", "text/html, application/pdf, application/msword, application/vnd.ms-excel, "
                        + "application/vnd.openxmlformats-officedocument.*, text/plain;q=0.9, */*;q=0.5")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            // the request timeout covers the wait for the headers; this bounds the body too
            return answer.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new FetchException("no complete answer from " + uri + " within " + readTimeout.toSeconds()
                    + " s (--fetch-timeout)");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + uri);
        } catch (ExecutionException e) {
            throw new FetchException(describe(uri, e.getCause()));
        }
    }

    private String describe(URI uri, Throwable cause) {
        if (cause instanceof TooLarge) {
            return uri + " is larger than " + maxBytes + " bytes (--max-fetch-bytes)";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection to " + uri.getHost() + " within the connect timeout";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer from " + uri + " within " + readTimeout.toSeconds() + " s (--fetch-timeout)";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + " (connection refused)";
        }
        String message = cause == null ? null : cause.getMessage();
        return "cannot fetch " + uri + ": " + (message == null || message.isBlank()
                ? (cause == null ? "unknown error" : cause.getClass().getSimpleName()) : message);
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(Attachments.ascii(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(base + " redirects to an address that is not a URL: " + location);
        }
    }

    private static URI checkScheme(URI uri, URI asked) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException(uri.equals(asked) ? "not an http(s) address: " + uri
                    : asked + " redirects to " + uri + ", which is not an http(s) address; not followed");
        }
        return uri;
    }

    /** Thrown into the answer when the body passes the limit: the download stops there. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Collects a body up to the limit and stops the download beyond it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

package org.nianbao.gateway.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} refuses to send: malformed request lines,
 * huge or invalid headers, conflicting lengths, bodies a server answers before reading. Each request has its own
 * connection ({@code Connection: close} unless the request bytes say otherwise). The body is written even if the
 * server has already answered and closed (a refused upload), and whatever answer came is read.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the bytes as they are to host:port, from the given local address (null: any). */
    public static Answer send(String host, int port, InetAddress from, byte[] head, byte[] body, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                if (body != null) {
                    for (int at = 0; at < body.length; at += 64 * 1024) {
                        out.write(body, at, Math.min(64 * 1024, body.length - at));
                    }
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server answered early and closed: its answer may still be readable
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return Answer.failed("no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return Answer.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A request head: request line, headers in order (repeats allowed), CRLF line ends, the blank line. */
    public static byte[] head(String requestLine, List<String[]> headers) {
        StringBuilder s = new StringBuilder(requestLine).append("\r\n");
        for (String[] h : headers) {
            s.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int headEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int status = 0;
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                byte[] sofar = all.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (headEnd >= 0) {
                        String[] lines = new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
                        String[] statusLine = lines[0].split(" ", 3);
                        status = statusLine.length > 1 ? parseStatus(statusLine[1]) : 0;
                        for (int i = 1; i < lines.length; i++) {
                            int colon = lines[i].indexOf(':');
                            if (colon > 0) {
                                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
                            }
                        }
                        String cl = first(headers, "content-length");
                        contentLength = cl == null ? -1 : Long.parseLong(cl);
                        chunked = "chunked".equalsIgnoreCase(first(headers, "transfer-encoding"));
                        if (status == 100) { // an interim answer: read on for the final one
                            all.reset();
                            all.write(sofar, headEnd + 4, sofar.length - headEnd - 4);
                            headEnd = -1;
                            headers.clear();
                            continue;
                        }
                    }
                }
                if (headEnd >= 0) {
                    int bodyBytes = sofar.length - headEnd - 4;
                    if ((contentLength >= 0 && bodyBytes >= contentLength)
                            || (chunked && endsWith(sofar, "0\r\n\r\n"))
                            || (contentLength < 0 && !chunked && isBodiless(status))) {
                        break;
                    }
                }
            }
        } catch (IOException resetAfterAnswer) {
            if (headEnd < 0) {
                throw resetAfterAnswer;
            }
        }
        if (headEnd < 0) {
            return Answer.failed(all.size() == 0 ? "connection closed without an answer"
                    : "not an HTTP answer: " + new String(all.toByteArray(), 0, Math.min(all.size(), 120), StandardCharsets.ISO_8859_1));
        }
        byte[] raw = all.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        return new Answer(status, headers, chunked ? dechunk(body) : body, null);
    }

    private static boolean isBodiless(int status) {
        return status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(body, at, Math.min(size, body.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean endsWith(byte[] data, String suffix) {
        byte[] s = suffix.getBytes(StandardCharsets.US_ASCII);
        if (data.length < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (data[data.length - s.length + i] != s[i]) {
                return false;
            }
        }
        return true;
    }
}

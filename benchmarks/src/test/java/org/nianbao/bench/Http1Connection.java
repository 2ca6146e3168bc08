package org.nianbao.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection for a load client's thread, in the manner of wrk: the request is written as
 * bytes and the whole answer read on the calling thread, its body into a buffer that the next request reuses. The JDK's {@code HttpClient} hands each
 * exchange between its selector thread and an executor, and its CPU on these two shared cores was counted against the
 * suite; this client leaves that CPU to the services. Handles Content-Length and chunked bodies and
 * {@code Connection: close}; a connection that fails is dropped and the next request opens a new one, and the failed
 * request counts as an error, since a submission is not safe to resend blindly.
 */
final class Http1Connection implements Closeable {

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    private byte[] body = new byte[64 * 1024];
    private int bodyLength;

    Http1Connection(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.hostHeader = host + ":" + port;
    }

    /**
     * Sends one request and reads the whole answer; returns its status, or -1 if the connection failed.
     *
     * @param headers extra header lines, each ending in CRLF ({@code "Prefer: return=minimal\r\n"}), or ""
     */
    int send(String method, String path, String headers, byte[] content) {
        try {
            if (socket == null) {
                open();
            }
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + headers
                    + (content.length > 0 ? "Content-Length: " + content.length + "\r\n\r\n" : "\r\n");
            out.write(head.getBytes(StandardCharsets.ISO_8859_1)); // header names and values here are ASCII
            out.write(content);
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            bodyLength = 0;
            return -1;
        }
    }

    /** The last answer's body, as UTF-8 text. */
    String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
    }

    private int readAnswer() throws IOException {
        String status = readLine(); // HTTP/1.1 200 OK
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        bodyLength = 0;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            readChunks();
        } else if (length >= 0) {
            read(length);
        } else {
            close = true; // the body runs to the end of the connection
            for (int b = in.read(); b >= 0; b = in.read()) {
                grow(1);
                body[bodyLength++] = (byte) b;
            }
        }
        if (close) {
            close();
        }
        return code;
    }

    private void readChunks() throws IOException {
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long bytes = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (bytes == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return;
            }
            read(bytes);
            readLine(); // the CRLF after the chunk
        }
    }

    private void read(long bytes) throws IOException {
        grow(Math.toIntExact(bytes));
        int end = bodyLength + (int) bytes;
        while (bodyLength < end) {
            int n = in.read(body, bodyLength, end - bodyLength);
            if (n < 0) {
                throw new EOFException("the answer ended " + (end - bodyLength) + " bytes early");
            }
            bodyLength += n;
        }
    }

    private void grow(int more) {
        if (bodyLength + more > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + more));
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a failed connection: nothing to do
            }
            socket = null;
        }
    }
}

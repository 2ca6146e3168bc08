package org.nianbao.gateway.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What a server answered (status 0 and an error when it did not answer). Header names are lower case. */
public record Answer(int status, Map<String, List<String>> headers, byte[] body, String error) {

    static Answer failed(String error) {
        return new Answer(0, Map.of(), new byte[0], error);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String contentType() {
        String type = header("content-type");
        return type == null ? "" : type;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package org.stationledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests: one user's session against the running ledger. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers;

    Api(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.headers = new LinkedHashMap<>();
        if (username != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same session, sending one more header with every request. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, more);
    }

    /** A GET whose answer is not JSON (an export): status, content type, headers and the text. */
    public TextResponse getText(String path) {
        try {
            HttpResponse<String> response = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new TextResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        String json = body instanceof String text ? text : write(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST whose body is in {@code contentType}, as given. */
    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response options(String path) {
        return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * A request written byte for byte, as a careless or hostile client might send it and as Java's client refuses
     * to (a header value outside ISO-8859-1, an odd method, a path Tomcat will not decode, a length it has not sent;
     * without a {@code Content-Length} of its own, the request says it has no body). The answer is read as it
     * comes, up to the end of the connection (HTTP/1.0, so that nothing is chunked).
     */
    public Response raw(String method, String target, String extraHeaderLines) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: " + uri.getHost()
                    + "\r\nConnection: close\r\n");
            if (!extraHeaderLines.toLowerCase().contains("content-length:")) {
                head.append("Content-Length: 0\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(extraHeaderLines).append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            // Nothing more comes: a server waiting for an announced body sees the end at once.
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            String[] lines = answer.substring(0, end).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.put(lines[i].substring(0, colon).trim(), List.of(lines[i].substring(colon + 1).trim()));
            }
            String body = answer.substring(end + 4);
            String contentType = firstValue(answerHeaders, "Content-Type");
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), contentType == null ? "" : contentType,
                    body.isBlank() ? JSON.nullNode() : JSON.readTree(body), answerHeaders);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a file (a report), whatever its type. */
    public Download download(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*");
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Ledger-Position").map(Long::parseLong).orElse(-1L), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, application/problem+json");
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file: its status, type, the ledger position it was built from, and its bytes. */
    public record Download(int status, String contentType, long position, byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        /** The body of a refusal, which is problem+json like every other. */
        public JsonNode problem() {
            try {
                return JSON.readTree(content);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (contentType.contains("json") ? text() : content.length + " bytes");
        }
    }

    private static String firstValue(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }

    /** A status, a content type, a JSON body and the headers. */
    public record Response(int status, String contentType, JsonNode body, Map<String, List<String>> headers) {

        public String header(String name) {
            return firstValue(headers, name);
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** An answer read as text. */
    public record TextResponse(int status, String contentType, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return firstValue(headers, name);
        }
    }
}

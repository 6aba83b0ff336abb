package health.continuum.bench.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import health.continuum.bench.BenchException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The FHIR calls the harness makes itself (everything but the wrk load), on keep-alive HTTP/1.1 connections. */
public final class FhirClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A response's status and body (a missing node when it had none). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String base;

    /** @param base the FHIR base URL, e.g. http://127.0.0.1:8080/fhir */
    public FhirClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** The status of a GET, or 0 when nothing answered within the limit (e.g. a server still starting). */
    public static int statusOf(String url, Duration limit) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(limit).GET().build();
        try {
            return HTTP.send(request, BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    /** Sends a request relative to the base; the resource, if any, is the body. */
    public Answer send(String method, String path, JsonNode resource) {
        BodyPublisher body = resource == null ? BodyPublishers.noBody() : BodyPublishers.ofString(resource.toString());
        HttpResponse<byte[]> response = exchange(request(path, REQUEST_LIMIT).method(method, body).build(),
                BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** As {@link #send}, for calls whose failure ends the run. */
    public JsonNode expect(String method, String path, JsonNode resource) {
        Answer answer = send(method, path, resource);
        if (!answer.ok()) {
            String body = answer.body().toString();
            throw new BenchException(method + " " + path + " answered " + answer.status() + ": "
                    + body.substring(0, Math.min(500, body.length())));
        }
        return answer.body();
    }

    /** Creates a resource; returns the id the server gave it. */
    public String create(String type, String json) {
        HttpRequest request = request(type, REQUEST_LIMIT).header("Prefer", "return=minimal")
                .POST(BodyPublishers.ofString(json)).build();
        HttpResponse<Void> response = exchange(request, BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        Matcher id = Pattern.compile("/" + type + "/([^/]+)/_history/").matcher(location);
        if (!id.find()) {
            throw new BenchException("creating a " + type + " failed: HTTP " + response.statusCode());
        }
        return id.group(1);
    }

    /** Posts a batch or transaction bundle to the base. */
    public HttpResponse<byte[]> postBundle(Path file, Duration limit) throws IOException, InterruptedException {
        HttpRequest request = request("", limit).POST(BodyPublishers.ofFile(file)).build();
        return HTTP.send(request, BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, Duration limit) {
        String url = path.isEmpty() ? base : base + "/" + path;
        return HttpRequest.newBuilder(URI.create(url)).timeout(limit)
                .header("Accept", FHIR_JSON).header("Content-Type", FHIR_JSON);
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            throw new BenchException("the server answered with no JSON: " + e.getMessage(), e);
        }
    }
}

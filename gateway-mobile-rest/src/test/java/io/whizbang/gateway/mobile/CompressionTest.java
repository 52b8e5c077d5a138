package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Responses are gzip-compressed for clients that accept it, checked with the JDK's HTTP client (no auto-decoding). */
class CompressionTest extends GatewayTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientAcceptingGzipGetsGzip() throws Exception {
        HttpResponse<byte[]> response = fetch("gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        JsonObject document = new JsonObject(gunzip(response.body()));
        assertThat(document.getString("openapi")).isEqualTo("3.0.3");
    }

    @Test
    void aClientNotAcceptingGzipGetsPlainJson() throws Exception {
        HttpResponse<byte[]> response = fetch(null);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new JsonObject(new String(response.body(), StandardCharsets.UTF_8)).getString("openapi"))
                .isEqualTo("3.0.3");
    }

    private HttpResponse<byte[]> fetch(String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/openapi.json"));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

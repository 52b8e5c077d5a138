package io.whizbang.gateway.desktop;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A bare HTTP/2 client that sends whatever bytes a test wants as a gRPC call, to see how the gateway answers frames
 * no well-behaved stub would send.
 */
final class RawGrpc {
    private final HttpClient http;

    RawGrpc(Vertx vertx, int port) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("localhost").setDefaultPort(port)
                .setHttp2MultiplexingLimit(200), new PoolOptions().setHttp2MaxSize(2));
    }

    /**
     * What the gateway answered.
     *
     * @param httpStatus  the HTTP status
     * @param grpcStatus  the {@code grpc-status}, from the headers or the trailers; null when none came
     * @param grpcMessage the decoded {@code grpc-message}, or null
     * @param metadata    the headers and trailers together
     */
    record Reply(int httpStatus, String grpcStatus, String grpcMessage, MultiMap metadata) {
    }

    /** POSTs the body to the path as a gRPC call with the metadata. */
    Future<Reply> post(String path, Map<String, String> metadata, Buffer body) {
        return http.request(HttpMethod.POST, path)
                .compose(request -> {
                    request.putHeader("content-type", "application/grpc").putHeader("te", "trailers");
                    metadata.forEach(request::putHeader);
                    return request.send(body);
                })
                .compose(response -> response.body().map(ignored -> {
                    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(response.headers())
                            .addAll(response.trailers());
                    String message = all.get("grpc-message");
                    return new Reply(response.statusCode(), all.get("grpc-status"),
                            message == null ? null : QueryStringDecoder.decodeComponent(message,
                                    StandardCharsets.UTF_8), all);
                }));
    }

    /** One length-prefixed gRPC frame holding the payload. */
    static Buffer frame(boolean compressed, byte[] payload) {
        return frame(compressed, payload.length, payload);
    }

    /** One gRPC frame whose prefix declares a length, true or not. */
    static Buffer frame(boolean compressed, int declaredLength, byte[] payload) {
        return Buffer.buffer().appendByte((byte) (compressed ? 1 : 0)).appendInt(declaredLength).appendBytes(payload);
    }

    Future<Void> close() {
        return http.close();
    }
}

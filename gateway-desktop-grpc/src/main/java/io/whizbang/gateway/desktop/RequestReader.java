package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.CodecException;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.server.GrpcServerRequest;
import io.whizbang.error.PermanentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the one request message of a unary or server-streaming call, turning every way a frame can be wrong into a
 * coded refusal rather than a reset stream.
 *
 * <p>A message that does not parse, a stream that ends inside a message or carries none, or a second message is
 * {@code INVALID_ARGUMENT}; a message over the size limit is {@code RESOURCE_EXHAUSTED}; a compression other than
 * {@code identity} and {@code gzip} is {@code UNIMPLEMENTED}.
 */
final class RequestReader {
    private RequestReader() {
    }

    /** The request's message, once the client ended its half of the stream. */
    static <Req, Resp> Future<Req> read(GrpcServerRequest<Req, Resp> request, GrpcMessageDecoder<Req> decoder,
                                        String typeName, long maxBytes) {
        Promise<Req> message = Promise.promise();
        GrpcMessage[] received = new GrpcMessage[1];
        int[] count = new int[1];
        request.invalidMessageHandler(invalid -> message.tryFail(invalid instanceof MessageSizeOverflowException
                overflow ? GrpcRefusal.oversize(overflow.messageSize(), maxBytes)
                : PermanentException.invalid("the request is not a valid " + typeName + " message")));
        request.messageHandler(frame -> {
            count[0]++;
            received[0] = frame;
        });
        request.endHandler(v -> {
            if (count[0] > 1) {
                message.tryFail(PermanentException.invalid("the call carries exactly one " + typeName
                        + " message, it sent " + count[0]));
            } else if (received[0] == null) {
                message.tryFail(PermanentException.invalid("the request carried no complete " + typeName
                        + " message"));
            } else {
                decode(received[0], decoder, typeName, maxBytes, message);
            }
        });
        return message.future();
    }

    private static <Req> void decode(GrpcMessage frame, GrpcMessageDecoder<Req> decoder, String typeName,
                                     long maxBytes, Promise<Req> message) {
        try {
            message.tryComplete(decoder.decode(plain(frame, maxBytes)));
        } catch (CodecException | IllegalArgumentException e) {
            message.tryFail(PermanentException.invalid("the request is not a valid " + typeName + " message"));
        } catch (PermanentException refused) {
            message.tryFail(refused);
        }
    }

    /** The frame with its payload uncompressed. */
    private static GrpcMessage plain(GrpcMessage frame, long maxBytes) {
        String encoding = frame.encoding();
        if (encoding == null || "identity".equals(encoding)) {
            return frame;
        }
        if (!"gzip".equals(encoding)) {
            throw GrpcRefusal.unimplemented("grpc-encoding " + encoding + " is not supported; send identity or gzip");
        }
        return GrpcMessage.message("identity", frame.format(), gunzip(frame.payload(), maxBytes));
    }

    private static Buffer gunzip(Buffer payload, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload.getBytes()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
                if (total > maxBytes) {
                    throw GrpcRefusal.oversize(total, maxBytes);
                }
                out.write(chunk, 0, n);
            }
            return Buffer.buffer(out.toByteArray());
        } catch (IOException e) {
            throw PermanentException.invalid("the request message is not valid gzip");
        }
    }
}

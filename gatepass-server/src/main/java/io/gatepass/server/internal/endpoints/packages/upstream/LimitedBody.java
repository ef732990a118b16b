package io.gatepass.server.internal.endpoints.packages.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Response bodies from a public registry read with a limit that holds while they stream: a declared Content-Length
 * over the limit is refused before any byte is read, and a body without one (or lying about it) is cut off at the
 * limit's first extra byte. Refusing cancels the exchange (an HTTP/1.1 connection is closed, an HTTP/2 stream
 * reset), so nothing more is read and the registry cannot make a node hold more than the limit in memory or on disk. Only a 200's body is kept; another status's body is read up
 * to {@link #ERROR_BODY_BYTES} and dropped (the status is what counts).
 */
final class LimitedBody {
    /** How much of a non-200 answer's body is read (and discarded) before the connection is dropped. */
    static final long ERROR_BODY_BYTES = 64 * 1024;

    private LimitedBody() {
    }

    /** A 200's body in memory, at most {@code max} bytes; null for other statuses. */
    static HttpResponse.BodyHandler<byte[]> bytes(URI url, long max) {
        return info -> {
            if (info.statusCode() != 200) {
                return new Discarded<>();
            }
            return refusedEarly(info, url, max, "document").<HttpResponse.BodySubscriber<byte[]>>map(
                    Refused::new).orElseGet(() -> new InMemory(url, max));
        };
    }

    /** A 200's body written to {@code file} (which exists) with the digests asked; null for other statuses. */
    static HttpResponse.BodyHandler<Download> file(URI url, long max, Path file, List<String> algorithms) {
        return info -> {
            if (info.statusCode() != 200) {
                return new Discarded<>();
            }
            return refusedEarly(info, url, max, "asset").<HttpResponse.BodySubscriber<Download>>map(
                    Refused::new).orElseGet(() -> new Spooled(url, max, file, algorithms));
        };
    }

    private static java.util.Optional<UpstreamUnavailable> refusedEarly(HttpResponse.ResponseInfo info, URI url,
                                                                      long max, String what) {
        OptionalLong declared = info.headers().firstValueAsLong("content-length");
        if (declared.isPresent() && declared.getAsLong() > max) {
            return java.util.Optional.of(tooLarge(url, max, what));
        }
        return java.util.Optional.empty();
    }

    static UpstreamUnavailable tooLarge(URI url, long max, String what) {
        return new UpstreamUnavailable(502, "The public registry's " + what + " at " + url + " is larger than the"
                + " limit of " + max + " bytes.");
    }

    /** Reads one batch at a time, counts, and cancels the exchange at the first byte over the limit. */
    private abstract static class Counted<T> implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final long max;
        private long received;
        private Flow.Subscription subscription;

        Counted(long max) {
            this.max = max;
        }

        /** Takes the next bytes (all within the limit). */
        abstract void accept(ByteBuffer bytes) throws IOException;

        /** The body once all of it arrived. */
        abstract T finish(long size) throws IOException;

        /** What to answer when the body goes over the limit (null: complete normally with null). */
        abstract RuntimeException overLimit();

        /** Releases what the body holds after a failure (or a refusal). */
        void abandon() {
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer buffer : item) {
                    received += buffer.remaining();
                    if (received > max) {
                        subscription.cancel(); // HTTP/1.1 closes the connection, HTTP/2 resets the stream: no more read
                        RuntimeException refusal = overLimit();
                        if (refusal == null) {
                            abandon();
                            result.complete(null);
                        } else {
                            fail(refusal);
                        }
                        return;
                    }
                    accept(buffer);
                }
                subscription.request(1);
            } catch (IOException | RuntimeException e) {
                subscription.cancel();
                fail(e);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            fail(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(finish(received));
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        private void fail(Throwable throwable) {
            abandon();
            result.completeExceptionally(throwable);
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }
    }

    /** Another status's body: a little is read and dropped, then the connection is let go. */
    private static final class Discarded<T> extends Counted<T> {
        Discarded() {
            super(ERROR_BODY_BYTES);
        }

        @Override
        void accept(ByteBuffer bytes) {
        }

        @Override
        T finish(long size) {
            return null;
        }

        @Override
        RuntimeException overLimit() {
            return null;
        }
    }

    /** Refused on its declared length: the exchange is cancelled before a byte is read. */
    private static final class Refused<T> implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final UpstreamUnavailable refusal;

        Refused(UpstreamUnavailable refusal) {
            this.refusal = refusal;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            result.completeExceptionally(refusal);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(refusal);
        }

        @Override
        public void onComplete() {
            result.completeExceptionally(refusal);
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }
    }

    /** Kept as the buffers came (no doubling copies while it grows), joined once at the end. */
    private static final class InMemory extends Counted<byte[]> {
        private final URI url;
        private final long max;
        private final List<byte[]> chunks = new java.util.ArrayList<>();

        InMemory(URI url, long max) {
            super(max);
            this.url = url;
            this.max = max;
        }

        @Override
        void accept(ByteBuffer buffer) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            chunks.add(chunk);
        }

        @Override
        byte[] finish(long size) {
            byte[] body = new byte[Math.toIntExact(size)];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, body, at, chunk.length);
                at += chunk.length;
            }
            chunks.clear();
            return body;
        }

        @Override
        RuntimeException overLimit() {
            return tooLarge(url, max, "document");
        }

        @Override
        void abandon() {
            chunks.clear();
        }
    }

    private static final class Spooled extends Counted<Download> {
        private final URI url;
        private final long max;
        private final Path file;
        private final Map<String, MessageDigest> digests = new LinkedHashMap<>();
        private FileChannel channel;

        Spooled(URI url, long max, Path file, List<String> algorithms) {
            super(max);
            this.url = url;
            this.max = max;
            this.file = file;
            for (String algorithm : algorithms) {
                try {
                    digests.put(algorithm, MessageDigest.getInstance(algorithm));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalArgumentException(algorithm + " is not a digest of this JDK", e);
                }
            }
        }

        @Override
        void accept(ByteBuffer buffer) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
            for (MessageDigest digest : digests.values()) {
                digest.update(buffer.duplicate());
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        Download finish(long size) throws IOException {
            if (channel != null) {
                channel.close();
            }
            Map<String, String> hex = new LinkedHashMap<>();
            digests.forEach((algorithm, digest) -> hex.put(algorithm, HexFormat.of().formatHex(digest.digest())));
            return new Download(file, size, hex);
        }

        @Override
        RuntimeException overLimit() {
            return tooLarge(url, max, "asset");
        }

        @Override
        void abandon() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the caller deletes the file
                }
            }
        }
    }
}

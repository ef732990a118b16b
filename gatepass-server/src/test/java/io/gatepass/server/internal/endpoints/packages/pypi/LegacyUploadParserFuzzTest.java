package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.fuzz.Mutator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutated and random upload bodies: the parser either accepts one or refuses it with a 400 or 413
 * {@link ServiceException}; nothing else escapes, and nothing hangs.
 */
class LegacyUploadParserFuzzTest {
    private static final long SEED = 20261206L;
    private static final String[] SPLICES = {"\r\n", "--", "\r\n--" + UploadBodies.BOUNDARY, "--"
            + UploadBodies.BOUNDARY + "--", "Content-Disposition: form-data; name=\"content\"; filename=\"a.whl\"",
        "\"", ";", "filename*=UTF-8''%ff%", "\n\n", ":", "\u00ff\u00fe", "name=\"\"", "\r"};

    private volatile int current;
    private final LegacyUploadParser parser = new LegacyUploadParser(
            new UploadLimits(1_000_000, 4_096, 16_384, 64));

    @Test
    void parse_mutatedTwineBodies_onlyClientErrorsAndNoHang() {
        Random random = new Random(SEED);
        byte[] valid = UploadBodies.wheel("tiny", "1.0", "wheel bytes".getBytes(StandardCharsets.UTF_8)).bytes();
        int[] accepted = {0};
        withinDeadline(() -> {
            for (int i = 0; i < 8_000; i++) {
                if (outcome(mutate(valid, random), UploadBodies.CONTENT_TYPE, i)) {
                    accepted[0]++;
                }
            }
        });
        assertThat(accepted[0]).as("some mutations keep the body valid").isPositive();
    }

    @Test
    void parse_randomBodies_onlyClientErrorsAndNoHang() {
        Random random = new Random(SEED + 1);
        withinDeadline(() -> randomBodies(random));
    }

    private void randomBodies(Random random) {
        for (int i = 0; i < 5_000; i++) {
            StringBuilder body = new StringBuilder();
            int pieces = random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                if (random.nextBoolean()) {
                    body.append(SPLICES[random.nextInt(SPLICES.length)]);
                } else {
                    body.append((char) random.nextInt(256));
                }
            }
            outcome(body.toString().getBytes(StandardCharsets.ISO_8859_1), UploadBodies.CONTENT_TYPE, i);
        }
    }

    @Test
    void parse_randomContentTypes_onlyClientErrors() {
        Random random = new Random(SEED + 2);
        byte[] valid = UploadBodies.wheel("tiny", "1.0", new byte[] {1, 2, 3}).bytes();
        String[] pieces = {"multipart/form-data", ";", " boundary=", UploadBodies.BOUNDARY, "\"", "=", "x", ""};
        withinDeadline(() -> {
            for (int i = 0; i < 5_000; i++) {
                StringBuilder type = new StringBuilder();
                for (int p = random.nextInt(8); p > 0; p--) {
                    type.append(pieces[random.nextInt(pieces.length)]);
                }
                outcome(valid, type.toString(), i);
            }
        });
    }

    /** True when accepted; fails the test on anything but a 400/413 refusal. */
    private boolean outcome(byte[] body, String contentType, int i) {
        current = i;
        try {
            parser.parse(new ByteArrayInputStream(body), contentType, filename -> OutputStream.nullOutputStream());
            return true;
        } catch (ServiceException e) {
            assertThat(e.httpStatus()).as("seed %d case %d: %s", SEED, i, e.getMessage()).isIn(400, 413);
            assertThat(e.getMessage()).isNotBlank();
            return false;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("seed " + SEED + " case " + i + ": " + e, e);
        }
    }

    /** Runs a whole batch under one deadline: a parser that loops forever fails the test, naming the case. */
    private void withinDeadline(Runnable batch) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), batch::run, () -> "seed " + SEED + " case " + current
                + " hung");
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] data = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                case 2 -> {
                    int at = random.nextInt(data.length + 1);
                    int length = random.nextInt(Math.min(50, data.length - at) + 1);
                    byte[] shorter = new byte[data.length - length];
                    System.arraycopy(data, 0, shorter, 0, at);
                    System.arraycopy(data, at + length, shorter, at, data.length - at - length);
                    data = shorter;
                }
                case 3 -> data = Mutator.splice(data, random.nextInt(data.length + 1),
                        SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.ISO_8859_1));
                case 4 -> {
                    int at = random.nextInt(data.length + 1);
                    int from = random.nextInt(data.length);
                    int length = Math.min(random.nextInt(200), data.length - from);
                    data = Mutator.splice(data, at, java.util.Arrays.copyOfRange(data, from, from + length));
                }
                default -> {
                    if (data.length > 0) {
                        data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
            }
            if (data.length == 0) {
                break;
            }
        }
        return data;
    }
}

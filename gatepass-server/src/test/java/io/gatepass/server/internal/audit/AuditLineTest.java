package io.gatepass.server.internal.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit line is written by hand; it must be the line Jackson's generator wrote before, byte for byte: the file
 * got that line in UTF-8, so the lines are compared as their UTF-8 bytes read back (reading valid UTF-8 is one to
 * one; a lone surrogate was always written as '?').
 */
class AuditLineTest {
    private static final JsonFactory JACKSON = new JsonFactory();

    @Test
    void format_writesTheLineJacksonsGeneratorWrote_forSeededRandomEvents() throws IOException {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            AuditEvent event = randomEvent(random);
            assertThat(AuditLine.format(event)).as("event %s", event).isEqualTo(inTheFile(jackson(event)));
        }
    }

    @Test
    void line_ofTheWritersOneFormatter_isJacksonsLineToo_whenEventsShareTheirSeconds() throws IOException {
        Random random = new Random(13);
        AuditLine lines = new AuditLine();
        Instant time = randomTime(random);
        for (int i = 0; i < 20_000; i++) {
            time = switch (random.nextInt(4)) { // the writer sees runs of events within one second, as under load
                case 0 -> randomTime(random);
                case 1 -> time.plusMillis(random.nextInt(2_000));
                default -> time.plusNanos(random.nextInt(3_000_000));
            };
            AuditEvent event = randomEvent(random, time);
            int length = lines.utf8(event);
            assertThat(new String(lines.bytes(), 0, length, StandardCharsets.UTF_8)).as("event %s", event)
                    .isEqualTo(inTheFile(jackson(event)));
        }
    }

    @Test
    void format_isOneJsonObjectWithEveryFieldReadBack() throws IOException {
        AuditEvent event = AuditEvent.at(Instant.parse("2026-12-06T23:59:59.999999Z"), AuditEvent.Kind.MINT)
                .action("codeartifact:GetAuthorizationToken").principal("arn:aws:iam::123456789012:user/a\"b\\c",
                        "123456789012", "AKIAEXAMPLE").source("127.0.0.1", "req\n1").token("tok")
                .tokenExpiry(Instant.parse("0001-01-01T00:00:00Z")).detail("tab\there \u0001 é ✓").build();
        JsonNode line = new ObjectMapper().readTree(AuditLine.format(event));
        assertThat(line.get("time").asText()).isEqualTo("2026-12-06T23:59:59.999Z");
        assertThat(line.get("principal").asText()).isEqualTo("arn:aws:iam::123456789012:user/a\"b\\c");
        assertThat(line.get("requestId").asText()).isEqualTo("req\n1");
        assertThat(line.get("tokenExpiry").asText()).isEqualTo("0001-01-01T00:00:00.000Z");
        assertThat(line.get("detail").asText()).isEqualTo("tab\there \u0001 é ✓");
        assertThat(line.get("outcome").asText()).isEqualTo("success");
    }

    private static AuditEvent randomEvent(Random random) {
        return randomEvent(random, randomTime(random));
    }

    /** Its expiry, if any, is mostly a fixed time after it (as a token's), sometimes any time. */
    private static AuditEvent randomEvent(Random random, Instant time) {
        AuditEvent.Kind kind = AuditEvent.Kind.values()[random.nextInt(AuditEvent.Kind.values().length)];
        AuditEvent.Builder event = AuditEvent.at(time, kind)
                .action(maybe(random)).failure(maybe(random))
                .resource(random.nextInt(50) == 0 ? text(random, 2_000) : maybe(random)) // past the first buffer
                .source(maybe(random), maybe(random)).tokenId(maybe(random)).detail(maybe(random));
        if (random.nextBoolean()) {
            event.principal(maybe(random), maybe(random), maybe(random));
        } else {
            event.accessKeyId(maybe(random));
        }
        if (random.nextBoolean()) {
            event.token(text(random));
        }
        if (random.nextBoolean()) {
            event.tokenExpiry(random.nextBoolean() ? randomTime(random) : time.plusSeconds(43_200));
        }
        return event.build();
    }

    /** Mostly this millennium; sometimes any year from -20000 to 20000, to reach the formatter's signed years. */
    private static Instant randomTime(Random random) {
        long seconds = random.nextInt(4) == 0
                ? (long) (random.nextDouble() * 1_262_000_000_000L) - 693_000_000_000L
                : 1_700_000_000L + random.nextInt(400_000_000);
        return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
    }

    private static String maybe(Random random) {
        return random.nextInt(3) == 0 ? null : text(random);
    }

    /** Printable ASCII, quotes, backslashes, every control character, DEL, Latin-1, BMP symbols and surrogates. */
    private static String text(Random random) {
        return text(random, random.nextInt(30));
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(8)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> random.nextBoolean() ? '"' : '\\';
                case 2 -> (char) (0x7F + random.nextInt(0x81));
                case 3 -> (char) random.nextInt(0x10000);
                default -> (char) (0x20 + random.nextInt(0x5F));
            });
        }
        return text.toString();
    }

    private static String inTheFile(String line) {
        return new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** The line as the Jackson generator wrote it before the hand-written format. */
    private static String jackson(AuditEvent event) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JACKSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", AuditLine.TIME.format(event.time()));
            json.writeStringField("kind", event.kind().wireName());
            field(json, "action", event.action());
            json.writeStringField("outcome", event.outcome().wireName());
            field(json, "errorCode", event.errorCode());
            field(json, "principal", event.principal());
            field(json, "accountId", event.accountId());
            field(json, "accessKeyId", event.accessKeyId());
            field(json, "resource", event.resource());
            field(json, "sourceAddress", event.sourceAddress());
            field(json, "requestId", event.requestId());
            field(json, "tokenFingerprint", event.tokenFingerprint());
            field(json, "tokenId", event.tokenId());
            field(json, "tokenExpiry", event.tokenExpiry() == null ? null : AuditLine.TIME.format(event.tokenExpiry()));
            field(json, "detail", event.detail());
            json.writeEndObject();
        }
        return out.toString();
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}

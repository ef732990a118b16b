package io.gatepass.server.internal.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event as one JSON object on one line, fields in a fixed order and absent when null:
 * {@code {"time":"2026-12-06T11:07:26.123Z","kind":"change","action":"iam:CreateUser","outcome":"success",...}}.
 * The field names are what {@code gatepass audit tail} reads.
 */
public final class AuditLine {
    private static final JsonFactory JSON = new JsonFactory();
    /** UTC, always with milliseconds, so lines sort as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditLine() {
    }

    public static String format(AuditEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", TIME.format(event.time()));
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
            field(json, "tokenExpiry", event.tokenExpiry());
            field(json, "detail", event.detail());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void field(JsonGenerator json, String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, TIME.format(value));
        }
    }
}

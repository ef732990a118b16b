package io.gatepass.cli.internal.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;

/** How {@code gatepass audit tail} prints a line: as the JSON it is, or as a row of a text table. */
public enum AuditOutput {
    /** One JSON object per line, as in the log (for jq and scripts). */
    JSON {
        @Override
        void header(PrintStream out) {
        }

        @Override
        void print(PrintStream out, JsonNode line) {
            out.println(line.toString());
        }
    },
    /** Columns: time, kind, outcome, action, principal (or claimed key), resource, source, error and token. */
    TEXT {
        @Override
        void header(PrintStream out) {
            out.println(row("TIME", "KIND", "OUTCOME", "ACTION", "PRINCIPAL", "RESOURCE", "SOURCE", "ERROR",
                    "TOKEN"));
        }

        @Override
        void print(PrintStream out, JsonNode line) {
            String principal = AuditFilter.text(line, "principal");
            String key = AuditFilter.text(line, "accessKeyId");
            String token = AuditFilter.text(line, "tokenId") != null ? AuditFilter.text(line, "tokenId")
                    : AuditFilter.text(line, "tokenFingerprint");
            out.println(row(value(line, "time"), value(line, "kind"), value(line, "outcome"), value(line, "action"),
                    principal != null ? principal : key != null ? "key " + key : "-", value(line, "resource"),
                    value(line, "sourceAddress"), value(line, "errorCode"), token == null ? "-" : token));
        }
    };

    abstract void header(PrintStream out);

    abstract void print(PrintStream out, JsonNode line);

    public static AuditOutput parse(String value) {
        return switch (value) {
            case "json" -> JSON;
            case "text" -> TEXT;
            default -> throw new IllegalArgumentException("--output must be json or text, got '" + value + "'");
        };
    }

    private static String value(JsonNode line, String field) {
        String text = AuditFilter.text(line, field);
        return text == null ? "-" : text.replaceAll("\\p{Cntrl}", "?");
    }

    /** Fixed widths for the short columns, so rows line up while following too; the long ones follow. */
    private static String row(String time, String kind, String outcome, String action, String principal,
                              String resource, String source, String error, String token) {
        return String.format("%-24s  %-10s  %-7s  %-36s  %-48s  %-56s  %-15s  %-24s  %s", time, kind, outcome,
                action, principal, resource, source, error, token).stripTrailing();
    }
}

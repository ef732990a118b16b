package io.gatepass.server.internal.api.iam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** IAM returns policy documents URL-encoded (RFC 3986); the AWS CLI decodes them again. */
final class PolicyText {
    private PolicyText() {
    }

    static String encode(String document) {
        return document == null ? null : URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** IAM counts policy size in characters that are not whitespace. */
    static int size(String document) {
        int count = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}

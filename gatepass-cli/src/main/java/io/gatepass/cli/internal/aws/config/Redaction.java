package io.gatepass.cli.internal.aws.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text the --debug trace prints: the signature of an Authorization header, security tokens, and
 * secret keys or tokens in JSON, XML and form bodies (SecretAccessKey, SessionToken, authorizationToken, AuthToken,
 * Password, ...). The value is replaced by {@code <redacted>}.
 */
public final class Redaction {

    public static final String REDACTED = "<redacted>";

    private static final String SECRET_NAMES =
            "(?:SecretAccessKey|aws_secret_access_key|SessionToken|aws_session_token|SecurityToken|authorizationToken"
                    + "|AuthToken|Password|NewPassword|OldPassword|PrivateKey|ClientSecret|Token)";
    private static final Pattern JSON = Pattern.compile("(\"" + SECRET_NAMES + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML = Pattern.compile("(<(" + SECRET_NAMES + ")>)[^<]*(</\\2>)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("((?:^|&)(?:[A-Za-z0-9_.]*\\.)?" + SECRET_NAMES + "=)[^&]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("(Signature=)[0-9a-fA-F]+");
    private static final Pattern SECRET_HEADERS = Pattern.compile(
            "x-amz-security-token|x-amz-signature|cookie|set-cookie|x-gatepass-.*token.*", Pattern.CASE_INSENSITIVE);

    private Redaction() {
    }

    /** A header value as it may be printed. */
    public static String header(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            Matcher m = SIGNATURE.matcher(value);
            return m.find() ? m.replaceAll("$1" + REDACTED) : REDACTED;
        }
        return SECRET_HEADERS.matcher(name).matches() ? REDACTED : value;
    }

    /** A request or response body (JSON, XML or form-encoded) as it may be printed. */
    public static String body(String body) {
        String text = JSON.matcher(body).replaceAll("$1\"" + REDACTED + "\"");
        text = XML.matcher(text).replaceAll("$1" + REDACTED + "$3");
        text = FORM.matcher(text).replaceAll("$1" + REDACTED);
        return text;
    }

    /** A URL whose query may carry a presigned signature or token. */
    public static String url(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String redacted = FORM.matcher(url.substring(query + 1)).replaceAll("$1" + REDACTED);
        redacted = Pattern.compile("((?:^|&)X-Amz-(?:Signature|Security-Token|Credential)=)[^&]*",
                Pattern.CASE_INSENSITIVE).matcher(redacted).replaceAll("$1" + REDACTED);
        return url.substring(0, query + 1) + redacted;
    }
}

package io.gatepass.server.internal.auth.sigv4;

/**
 * The scope a signature was made for; {@link #toString()} gives its wire form
 * {@code yyyymmdd/region/service/aws4_request}.
 *
 * @param date    the signing date, {@code yyyyMMdd}
 * @param region  the region the client signed for, e.g. {@code us-east-1}
 * @param service the service signing name, e.g. {@code sts}, {@code gamelift}
 */
public record CredentialScope(String date, String region, String service) {

    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }
}

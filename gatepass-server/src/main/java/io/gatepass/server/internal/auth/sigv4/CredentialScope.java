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
    /**
     * Checks its parts (never null: the header parser gives them). Written out, as are {@link #hashCode} and the other
     * records' a request looks up by: a record's generated ones are method-handle code that the JIT compiler inlines
     * into each compiled request path (a fifth of what it inlined into Gatepass's own methods under load), while a
     * freshly started node compiles them on the core it answers on (docs/benchmarks.md, issue 12, seventh pass).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialScope scope && date.equals(scope.date) && region.equals(scope.region)
                && service.equals(scope.service);
    }

    @Override
    public int hashCode() {
        return (31 * date.hashCode() + region.hashCode()) * 31 + service.hashCode();
    }

    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }
}

package io.gatepass.server.internal.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One subject alternative name of the server's certificate: a DNS name, or an IP address (v4 or v6).
 *
 * @param address the address's bytes for an IP entry, null for a DNS name
 */
public record SubjectName(String value, byte[] address) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS = Pattern.compile(
            "(?i)[a-z0-9_*]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

    /** A host as a user writes it: an IPv4 address, an IPv6 address (brackets allowed) or a DNS name. */
    public static SubjectName of(String host) {
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.contains(":") || IPV4.matcher(bare).matches()) {
            try {
                // a literal address: InetAddress parses it without asking DNS
                InetAddress address = InetAddress.getByName(bare);
                return new SubjectName(address.getHostAddress(), address.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + host);
            }
        }
        if (!DNS.matcher(bare).matches() || bare.length() > 253) {
            throw new IllegalArgumentException("not a host name or IP address: '" + host + "'");
        }
        return new SubjectName(bare.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""), null);
    }

    public boolean isAddress() {
        return address != null;
    }

    /** True for 0.0.0.0 and ::, which a server binds to but nobody connects to. */
    public boolean isWildcard() {
        if (address == null) {
            return false;
        }
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubjectName name && name.value.equals(value) && name.isAddress() == isAddress();
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return (isAddress() ? "IP:" : "DNS:") + value;
    }
}

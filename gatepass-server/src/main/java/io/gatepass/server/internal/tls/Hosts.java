package io.gatepass.server.internal.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which host computes are told to connect to, and which names the self-signed certificate must carry. */
public final class Hosts {
    private Hosts() {
    }

    /**
     * The configured advertised host (brackets around an IPv6 address dropped), else the bind address, else, for a
     * wildcard bind (0.0.0.0, ::), the machine's host name.
     */
    public static String advertised(String configured, String bind) {
        if (configured != null && !configured.isBlank()) {
            try {
                SubjectName.of(configured);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--advertised-host must be a host name or an IP address, got '"
                        + configured + "'");
            }
            return bare(configured);
        }
        return SubjectName.of(bind).isWildcard() ? localHostName() : bare(bind);
    }

    /** The advertised host, the bind address (unless a wildcard), localhost, 127.0.0.1 and ::1, without repeats. */
    public static List<SubjectName> certificateNames(String advertised, String bind) {
        Set<SubjectName> names = new LinkedHashSet<>();
        names.add(SubjectName.of(advertised));
        SubjectName bound = SubjectName.of(bind);
        if (!bound.isWildcard()) {
            names.add(bound);
        }
        names.add(SubjectName.of("localhost"));
        names.add(SubjectName.of("127.0.0.1"));
        names.add(SubjectName.of("::1"));
        return List.copyOf(names);
    }

    /** A host as it goes into a URL: IPv6 addresses in brackets. */
    public static String inUrl(String host) {
        String bare = bare(host);
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    private static String bare(String host) {
        String stripped = host.strip();
        return stripped.startsWith("[") && stripped.endsWith("]")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package org.ibvadvisor.http.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} a request may name: {@code localhost} (and {@code *.localhost}), the address the server is bound
 * to (any loopback address when bound to loopback, any IP address when bound to every interface), and the configured
 * public names. Anything else — above all a DNS-rebinding page's own name pointing at 127.0.0.1 — is refused.
 */
final class HostPolicy {
    private final String boundHost;
    private final boolean boundToLoopback;
    private final boolean boundToAll;
    private final Set<String> names;

    HostPolicy(String boundHost, List<String> publicNames) {
        this.boundHost = hostOnly(boundHost).toLowerCase(Locale.ROOT);
        byte[] address = Cidr.literal(this.boundHost);
        this.boundToAll = address != null && allZero(address);
        this.boundToLoopback = "localhost".equals(this.boundHost)
                || address != null && (Cidr.parse("127.0.0.0/8").contains(this.boundHost) || Cidr.parse("::1").contains(this.boundHost));
        this.names = Set.copyOf(publicNames.stream().map(name -> hostOnly(name).toLowerCase(Locale.ROOT)).toList());
    }

    /** Whether a request naming {@code hostHeader} (with or without a port) is for this server; no header: yes. */
    boolean allows(String hostHeader) {
        if (hostHeader == null) return true; // HTTP/1.0 without Host: no browser sends that
        String host = hostOnly(hostHeader.strip()).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) return false;
        if (host.equals("localhost") || host.endsWith(".localhost")) return true;
        if (host.equals(boundHost) || names.contains(host)) return true;
        byte[] address = Cidr.literal(host);
        if (address == null) return false;
        if (boundToAll) return true;
        return boundToLoopback && (Cidr.parse("127.0.0.0/8").contains(host) || Cidr.parse("::1").contains(host));
    }

    /** {@code example.org:7070} → {@code example.org}; {@code [::1]:7070} → {@code ::1}. */
    static String hostOnly(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) return value.substring(0, colon);
        return value;
    }

    private static boolean allZero(byte[] address) {
        for (byte b : address) if (b != 0) return false;
        return true;
    }
}

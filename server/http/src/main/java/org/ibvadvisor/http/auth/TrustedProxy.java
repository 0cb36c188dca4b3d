package org.ibvadvisor.http.auth;

import java.util.List;
import java.util.Objects;

/**
 * A reverse proxy that signs users in (oauth2-proxy, Pomerium, nginx {@code auth_request}) and names them in request
 * headers. Only requests from its addresses may carry those headers; from anywhere else they are refused.
 *
 * @param addresses    where the proxy connects from
 * @param userHeader   names the user (e.g. {@code X-Forwarded-User})
 * @param emailHeader  their e-mail, or {@code null}
 * @param groupsHeader their groups, comma-separated, or {@code null}
 */
public record TrustedProxy(List<Cidr> addresses, String userHeader, String emailHeader, String groupsHeader) {
    public static final String DEFAULT_USER_HEADER = "X-Forwarded-User";
    public static final String DEFAULT_EMAIL_HEADER = "X-Forwarded-Email";

    public TrustedProxy {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) throw new IllegalArgumentException("a trusted proxy needs at least one address");
        Objects.requireNonNull(userHeader, "userHeader");
        if (userHeader.isBlank()) throw new IllegalArgumentException("userHeader must not be blank");
        emailHeader = emailHeader == null || emailHeader.isBlank() ? null : emailHeader;
        groupsHeader = groupsHeader == null || groupsHeader.isBlank() ? null : groupsHeader;
    }

    /** A proxy at {@code addresses} with the usual headers (no groups header). */
    public static TrustedProxy at(List<Cidr> addresses) {
        return new TrustedProxy(addresses, DEFAULT_USER_HEADER, DEFAULT_EMAIL_HEADER, null);
    }

    public TrustedProxy withGroupsHeader(String header) {
        return new TrustedProxy(addresses, userHeader, emailHeader, header);
    }

    /** Whether a connection from {@code remoteAddress} comes from the proxy. */
    public boolean trusts(String remoteAddress) {
        for (Cidr cidr : addresses) if (cidr.contains(remoteAddress)) return true;
        return false;
    }

    /** The headers only the proxy may send. */
    List<String> identityHeaders() {
        return java.util.stream.Stream.of(userHeader, emailHeader, groupsHeader).filter(Objects::nonNull).toList();
    }
}

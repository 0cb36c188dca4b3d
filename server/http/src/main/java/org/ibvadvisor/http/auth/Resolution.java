package org.ibvadvisor.http.auth;

import java.util.Objects;
import org.ibvadvisor.identity.User;

/** Who a request is made for: a known user, nobody (no credential: sign in), or refused (a wrong credential). */
public sealed interface Resolution {

    record Known(User user) implements Resolution {
        public Known {
            Objects.requireNonNull(user, "user");
        }
    }

    /** No credential at all, and sign-in is required. */
    record Anonymous() implements Resolution {
    }

    /**
     * A credential that does not hold: a wrong, revoked or expired key, proxy headers from outside the proxy.
     *
     * @param reason for the caller and the security log; never the credential itself
     */
    record Refused(String reason) implements Resolution {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package org.ibvadvisor.testkit.oidc;

/** What the stand-in provider does wrong to the next ID token it issues, so a test can see a client refuse it. */
public enum IdTokenFault {
    /** A correct token. */
    NONE,
    /** Expired an hour ago. */
    EXPIRED,
    /** Issued for another client. */
    WRONG_AUDIENCE,
    /** Claims to come from another issuer. */
    WRONG_ISSUER,
    /** Signed with a key that is not in the provider's JWKS (same key id). */
    BAD_SIGNATURE,
    /** Unsigned ({@code "alg":"none"}). */
    ALG_NONE,
    /** Carries a nonce other than the one of the sign-in it answers. */
    WRONG_NONCE,
    /** The ID token of the previous sign-in again (its nonce belongs to that sign-in). */
    REPLAY_PREVIOUS
}

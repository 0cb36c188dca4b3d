/** A stand-in OpenID Connect provider (discovery, JWKS, authorize, token) on loopback, with keys made in the test. */
package org.ibvadvisor.testkit.oidc;

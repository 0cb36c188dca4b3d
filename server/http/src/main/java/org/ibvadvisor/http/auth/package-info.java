/**
 * Who is calling and whether they may: the identity of a request (local, trusted proxy, OpenID Connect session or
 * API key), the Host and Origin checks, and the security headers of every response. Its core
 * ({@link org.ibvadvisor.http.auth.IdentityResolver}, the policies) knows no Javalin; {@link
 * org.ibvadvisor.http.auth.AccessControl} puts it in front of the routes.
 */
package org.ibvadvisor.http.auth;

package org.ibvadvisor.http.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.ibvadvisor.identity.User;

/**
 * {@code GET /api/me} (who is signed in), {@code GET /auth/options} (how one can sign in), and the OpenID Connect
 * sign-in: {@code GET /auth/login} (to the provider), {@code GET /auth/callback} (back from it: a session cookie),
 * {@code POST /auth/logout}.
 */
final class AuthRoutes {
    static final String LOGIN_COOKIE = "advisor_login";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessControl access;

    AuthRoutes(AccessControl access) {
        this.access = access;
    }

    void me(Context ctx) {
        User user = AccessControl.user(ctx).orElseThrow(() -> new HttpResponseException(401,
                "sign-in required: " + AccessControl.SIGN_IN_HINT, Map.of()));
        ObjectNode body = JSON.createObjectNode();
        body.put("user", user.id());
        if (user.name() != null) body.put("name", user.name());
        if (user.email() != null) body.put("email", user.email());
        body.put("admin", user.admin());
        body.put("auth", user.auth().wireName());
        json(ctx, 200, body);
    }

    void options(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        body.put("required", access.settings().signInConfigured());
        body.put("oidc", access.oidc() != null);
        body.put("keys", access.settings().adminApiKey() != null || access.settings().keys() != null);
        json(ctx, 200, body);
    }

    void login(Context ctx) {
        OidcLogin oidc = oidcOrNotFound();
        String address = address(ctx);
        try {
            OidcLogin.Start start = oidc.begin(redirectUri(ctx, oidc), access.clock().instant());
            cookie(ctx, LOGIN_COOKIE, start.state(), "/auth", (int) OidcLogin.PENDING_LIFETIME.toSeconds());
            ctx.redirect(start.authorizationUri().toString());
        } catch (OidcLogin.LoginFailed e) {
            SecurityLog.signInFailed(e.getMessage(), address);
            throw new HttpResponseException(502, "sign-in is not available: " + e.getMessage(), Map.of());
        }
    }

    void callback(Context ctx) {
        OidcLogin oidc = oidcOrNotFound();
        String address = address(ctx);
        String state = ctx.queryParam("state");
        String remembered = ctx.cookie(LOGIN_COOKIE);
        cookie(ctx, LOGIN_COOKIE, "", "/auth", 0);
        if (ctx.queryParam("error") != null) {
            fail(address, "the provider refused the sign-in (" + SecurityLog.clean(ctx.queryParam("error")) + ")");
        }
        if (state == null || remembered == null || !java.security.MessageDigest.isEqual(
                state.getBytes(java.nio.charset.StandardCharsets.UTF_8), remembered.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            fail(address, "this sign-in was not started by this browser: start it again");
        }
        User user;
        try {
            user = oidc.complete(ctx.queryParam("code"), state, access.clock().instant());
        } catch (OidcLogin.LoginFailed e) {
            fail(address, e.getMessage());
            return;
        }
        String session = access.sessions().open(user, access.clock().instant());
        cookie(ctx, IdentityResolver.SESSION_COOKIE, session, "/", (int) access.sessions().lifetime().toSeconds());
        SecurityLog.signedIn(user, address);
        ctx.redirect("/");
    }

    void logout(Context ctx) {
        String session = ctx.cookie(IdentityResolver.SESSION_COOKIE);
        User user = session == null ? null : access.sessions().find(session, Instant.now()).orElse(null);
        access.sessions().close(session);
        cookie(ctx, IdentityResolver.SESSION_COOKIE, "", "/", 0);
        SecurityLog.signedOut(user, address(ctx));
        ctx.status(204);
    }

    private OidcLogin oidcOrNotFound() {
        if (access.oidc() == null) throw new HttpResponseException(404, "no OpenID Connect sign-in is configured", Map.of());
        return access.oidc();
    }

    private static void fail(String address, String reason) {
        SecurityLog.signInFailed(reason, address);
        throw new HttpResponseException(401, "sign-in refused: " + reason, Map.of());
    }

    private URI redirectUri(Context ctx, OidcLogin oidc) {
        if (oidc.settings().redirectUri() != null) return oidc.settings().redirectUri();
        RequestFacts facts = AccessControl.facts(ctx);
        String scheme = access.resolver().https(facts, ctx.req().isSecure()) ? "https" : "http";
        return URI.create(scheme + "://" + access.resolver().requestedHost(facts) + "/auth/callback");
    }

    private void cookie(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        boolean https = access.resolver().https(AccessControl.facts(ctx), ctx.req().isSecure());
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : ""));
    }

    private String address(Context ctx) {
        return access.resolver().clientAddress(AccessControl.facts(ctx));
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType("application/json;charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

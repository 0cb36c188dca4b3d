package org.ibvadvisor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.OidcSettings;
import org.ibvadvisor.http.auth.TrustedProxy;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s options for who may sign in. Secrets come from the environment or a file, so that they are not in
 * the process list: {@code --api-key} on the command line still works (a public contract) but is warned about.
 */
final class SignInOptions {
    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:ADVISOR_API_KEY}",
            description = "one shared admin key: require 'Authorization: Bearer KEY' on /api/* and /v1/* (prefer env "
                    + "ADVISOR_API_KEY or --api-key-file: the command line is visible to every user of the machine)")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "read the shared admin key from this file's first line")
    Path apiKeyFile;

    @Option(names = "--no-auth", description = "serve everyone as the one local user even beyond 127.0.0.1 (logs a warning)")
    boolean noAuth;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", split = ",",
            description = "addresses of a signing-in reverse proxy (oauth2-proxy, nginx auth_request …) whose "
                    + "X-Forwarded-User/-Email/-For/-Proto headers are believed; from anywhere else they get 401")
    List<String> trustedProxies = List.of();

    @Option(names = "--proxy-user-header", paramLabel = "NAME", description = "default: ${DEFAULT-VALUE}")
    String proxyUserHeader = TrustedProxy.DEFAULT_USER_HEADER;

    @Option(names = "--proxy-email-header", paramLabel = "NAME", description = "default: ${DEFAULT-VALUE}")
    String proxyEmailHeader = TrustedProxy.DEFAULT_EMAIL_HEADER;

    @Option(names = "--proxy-groups-header", paramLabel = "NAME", description = "the user's groups, comma-separated (e.g. X-Forwarded-Groups); none by default")
    String proxyGroupsHeader;

    @Option(names = "--admin-group", paramLabel = "GROUP", split = ",",
            description = "members of these groups (proxy header or ID-token claim) are admins")
    List<String> adminGroups = List.of();

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "sign in through this OpenID Connect provider")
    URI oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "this advisor's client id at the provider")
    String oidcClientId;

    @Option(names = "--oidc-client-secret-file", paramLabel = "FILE",
            description = "the client secret's file (or env ADVISOR_OIDC_CLIENT_SECRET); none: a public client with PKCE")
    Path oidcClientSecretFile;

    @Option(names = "--oidc-redirect-uri", paramLabel = "URL",
            description = "where the provider sends the browser back (…/auth/callback); default: this advisor's address as the browser reached it")
    URI oidcRedirectUri;

    @Option(names = "--oidc-user-claim", paramLabel = "CLAIM", description = "the ID-token claim naming the user; default: ${DEFAULT-VALUE}")
    String oidcUserClaim = "preferred_username";

    @Option(names = "--oidc-groups-claim", paramLabel = "CLAIM", description = "the claim listing the user's groups; default: ${DEFAULT-VALUE}")
    String oidcGroupsClaim = "groups";

    @Option(names = "--public-name", paramLabel = "HOST", split = ",",
            description = "host names the advisor answers to besides its address and localhost (others get 421)")
    List<String> publicNames = List.of();

    /** The sign-in configured, reading the secrets' files and environment. */
    AuthSettings settings(String oidcSecretFromEnvironment) {
        AuthSettings auth = AuthSettings.none().withNoAuth(false)
                .withAdminGroups(Set.copyOf(adminGroups)).withPublicNames(publicNames);
        String key = blankToNull(apiKey);
        if (apiKeyFile != null) {
            if (key != null) throw new IllegalArgumentException("give the shared key once: --api-key/ADVISOR_API_KEY or --api-key-file");
            key = firstLine(apiKeyFile, "--api-key-file");
        }
        auth = auth.withAdminApiKey(key);
        if (!trustedProxies.isEmpty()) {
            List<Cidr> addresses = trustedProxies.stream().map(String::strip).filter(value -> !value.isEmpty()).map(Cidr::parse).toList();
            auth = auth.withProxy(new TrustedProxy(addresses, proxyUserHeader, proxyEmailHeader, proxyGroupsHeader));
        }
        if (oidcIssuer != null) {
            if (oidcClientId == null || oidcClientId.isBlank()) throw new IllegalArgumentException("--oidc-issuer needs --oidc-client-id");
            String secret = oidcClientSecretFile != null ? firstLine(oidcClientSecretFile, "--oidc-client-secret-file")
                    : blankToNull(oidcSecretFromEnvironment);
            auth = auth.withOidc(new OidcSettings(oidcIssuer, oidcClientId, secret, oidcRedirectUri, oidcUserClaim,
                    oidcGroupsClaim, null));
        } else if (oidcClientId != null) {
            throw new IllegalArgumentException("--oidc-client-id needs --oidc-issuer");
        }
        return auth.withNoAuth(noAuth);
    }

    private static String firstLine(Path file, String option) {
        try {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (line.isEmpty()) throw new IllegalArgumentException(option + " " + file + " is empty");
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

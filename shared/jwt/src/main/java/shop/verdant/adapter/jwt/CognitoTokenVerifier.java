package shop.verdant.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import shop.verdant.config.Env;
import shop.verdant.http.AuthException;
import shop.verdant.http.TokenVerifier;

/**
 * Verifies Cognito user-pool tokens the way API Gateway's Cognito authorizer does: RS256 signature
 * against the pool's JWKS (cached, refreshed on an unknown key id), expiry, issuer (the pool),
 * {@code token_use} (an id token, as the authorizer requires on methods without OAuth scopes) and the app
 * client ({@code aud}). The claims come back as API Gateway passes them to a REST integration: every value a
 * string, arrays comma-separated, {@code exp}/{@code iat} as dates.
 */
public final class CognitoTokenVerifier implements TokenVerifier {
    private static final DateTimeFormatter GATEWAY_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Which token a caller must present: the id token (API Gateway's authorizer) or the access token (Cognito's own API). */
    public enum TokenUse { ID, ACCESS }

    private final String issuer;
    private final String clientId;
    private final TokenUse use;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JWKSource<SecurityContext> keys;

    public CognitoTokenVerifier(String issuer, String clientId, URL jwksUrl) {
        this(issuer, clientId, jwksUrl, TokenUse.ID);
    }

    public CognitoTokenVerifier(String issuer, String clientId, URL jwksUrl, TokenUse use) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.use = use;
        this.keys = JWKSourceBuilder.create(jwksUrl).retrying(true).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "iat", "token_use")));
    }

    /** Id tokens, from {@code COGNITO_ISSUER} and {@code COGNITO_CLIENT_ID}; JWKS at the issuer's well-known path. */
    public static CognitoTokenVerifier fromEnvironment() {
        return fromEnvironment(TokenUse.ID);
    }

    public static CognitoTokenVerifier fromEnvironment(TokenUse use) {
        String issuer = Env.require("COGNITO_ISSUER");
        try {
            return new CognitoTokenVerifier(issuer, Env.require("COGNITO_CLIENT_ID"),
                    new URL(Env.get("COGNITO_JWKS_URL", issuer + "/.well-known/jwks.json")), use);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("COGNITO_ISSUER is not a URL: " + issuer, e);
        }
    }

    /**
     * Fetches the pool's signing keys now (SnapStart priming): a restored container then verifies its first
     * token from the cached key set instead of calling Cognito on the request path.
     */
    public void prime() {
        try {
            keys.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null);
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new IllegalStateException("the pool's JWKS is not reachable: " + e.getMessage(), e);
        }
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public Map<String, String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            throw AuthException.unauthorized("A bearer token is required.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw AuthException.unauthorized("The token is not valid: " + reason(e));
        }
        if (use == TokenUse.ID) {
            // Like API Gateway's Cognito authorizer on a method without OAuth scopes: id tokens only.
            if (!"id".equals(claims.getClaim("token_use"))) {
                throw AuthException.unauthorized("An id token is required (token_use id).");
            }
            if (!claims.getAudience().contains(clientId)) {
                throw AuthException.unauthorized("The token was issued to another app client.");
            }
        } else {
            // Cognito's user API takes access tokens; theirs name the app client in client_id.
            if (!"access".equals(claims.getClaim("token_use"))) {
                throw AuthException.unauthorized("An access token is required (token_use access).");
            }
            if (!clientId.equals(claims.getClaim("client_id"))) {
                throw AuthException.unauthorized("The token was issued to another app client.");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> out.put(name, render(value)));
        return out;
    }

    private static String render(Object value) {
        if (value instanceof Date d) {
            return GATEWAY_DATE.format(d.toInstant());
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return "unreadable";
        }
        // nimbus' messages are short and name the failed check ("Expired JWT", "JWT iss claim has value ...")
        return m.length() > 120 ? m.substring(0, 120) : m;
    }
}

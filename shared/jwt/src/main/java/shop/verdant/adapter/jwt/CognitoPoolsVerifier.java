package shop.verdant.adapter.jwt;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.config.Env;
import shop.verdant.http.TokenVerifier;

/**
 * Tokens of the shop's user pools, as API Gateway's Cognito authorizer takes a list of them: the customers' pool
 * ({@code COGNITO_ISSUER}, {@code COGNITO_CLIENT_ID}) and, when set, the staff pool ({@code STAFF_ISSUER},
 * {@code STAFF_CLIENT_ID}). Each token is checked against the pool its {@code iss} names, so a refusal gives that
 * pool's reason.
 */
public final class CognitoPoolsVerifier implements TokenVerifier {
    /** One pool's issuer and its app client. */
    public record Pool(String issuer, String clientId) {
    }

    private final List<CognitoTokenVerifier> pools;

    public CognitoPoolsVerifier(List<Pool> pools, CognitoTokenVerifier.TokenUse use) {
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("no pools");
        }
        List<CognitoTokenVerifier> each = new ArrayList<>();
        for (Pool p : pools) {
            try {
                each.add(new CognitoTokenVerifier(p.issuer(), p.clientId(), new URL(p.issuer() + "/.well-known/jwks.json"), use));
            } catch (MalformedURLException e) {
                throw new IllegalStateException("not a URL: " + p.issuer(), e);
            }
        }
        this.pools = List.copyOf(each);
    }

    /** Id tokens of the pools the environment names. */
    public static CognitoPoolsVerifier fromEnvironment() {
        List<Pool> pools = new ArrayList<>();
        pools.add(new Pool(Env.require("COGNITO_ISSUER"), Env.require("COGNITO_CLIENT_ID")));
        String staff = Env.get("STAFF_ISSUER", null);
        if (staff != null) {
            pools.add(new Pool(staff, Env.require("STAFF_CLIENT_ID")));
        }
        return new CognitoPoolsVerifier(pools, CognitoTokenVerifier.TokenUse.ID);
    }

    /** Fetches every pool's signing keys now (SnapStart priming). */
    public void prime() {
        pools.forEach(CognitoTokenVerifier::prime);
    }

    @Override
    public Map<String, String> verify(String token) {
        String iss = issuerOf(token);
        for (CognitoTokenVerifier v : pools) {
            if (v.issuer().equals(iss)) {
                return v.verify(token);
            }
        }
        // no pool of ours issued it (or it is unreadable): the first pool's verifier gives the reason
        return pools.get(0).verify(token);
    }

    /** The token's unverified {@code iss}, only to pick the pool that checks it; null when unreadable. */
    private static String issuerOf(String token) {
        if (token == null || token.length() > 8192) {
            return null;
        }
        try {
            return com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }
}

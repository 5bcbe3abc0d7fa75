package shop.verdant.http;

import java.util.Map;

/** Checks a bearer token and answers its claims in API Gateway's shape (string values). */
public interface TokenVerifier {
    /** @throws AuthException (401) when the token is not valid for this shop's user pool and app client */
    Map<String, String> verify(String bearerToken);

}

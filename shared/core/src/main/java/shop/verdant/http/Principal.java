package shop.verdant.http;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as API Gateway's Cognito authorizer describes them: every claim a string, with
 * {@code cognito:groups} comma-separated (REST APIs) or bracketed and space-separated (as HTTP APIs
 * render it); both are read.
 */
public record Principal(String sub, String email, Set<String> groups, String merchantId) {

    private static final String MERCHANTS = shop.verdant.contract.Role.MERCHANT.cognitoGroup();

    public Principal {
        groups = Set.copyOf(groups);
    }

    public boolean inAnyGroup(java.util.Collection<String> required) {
        return required.stream().anyMatch(groups::contains);
    }

    /** From {@code requestContext.authorizer.claims}; null when there is no usable subject. */
    public static Principal fromClaims(Map<String, ?> claims) {
        if (claims == null) {
            return null;
        }
        Object sub = claims.get("sub");
        if (sub == null || sub.toString().isBlank()) {
            return null;
        }
        Object email = claims.get("email");
        Set<String> groups = parseGroups(claims.get("cognito:groups"));
        // A merchant id counts only with membership in merchants: an attribute alone proves nothing.
        Object merchant = groups.contains(MERCHANTS) ? claims.get("custom:merchantId") : null;
        return new Principal(sub.toString(), email == null ? null : email.toString(),
                groups, merchant == null || merchant.toString().isBlank() ? null : merchant.toString());
    }

    static Set<String> parseGroups(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return out;
        }
        if (value instanceof java.util.Collection<?> c) {
            c.forEach(v -> out.add(v.toString()));
            return out;
        }
        String s = value.toString().trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        Arrays.stream(s.split("[,\\s]+")).map(String::trim).filter(g -> !g.isEmpty()).forEach(out::add);
        return out;
    }
}

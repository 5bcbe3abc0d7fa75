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
        Object merchant = claims.get("custom:merchantId");
        return new Principal(sub.toString(), email == null ? null : email.toString(),
                parseGroups(claims.get("cognito:groups")), merchant == null ? null : merchant.toString());
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

package shop.verdant.http;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling ({@code staffRefused}: the token claimed staff groups, dropped because it was not a staff sign-in), as API Gateway's Cognito authorizer describes them: every claim a string, with
 * {@code cognito:groups} comma-separated (REST APIs) or bracketed and space-separated (as HTTP APIs
 * render it); both are read.
 */
public record Principal(String sub, String email, Set<String> groups, String merchantId, boolean staffRefused) {

    private static final String MERCHANTS = shop.verdant.contract.Role.MERCHANT.cognitoGroup();

    /** The groups of staff: every role but customer. */
    static final Set<String> STAFF_GROUPS = java.util.Arrays.stream(shop.verdant.contract.Role.values())
            .filter(r -> r != shop.verdant.contract.Role.CUSTOMER).map(shop.verdant.contract.Role::cognitoGroup)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());


    /**
     * Whether the token may carry staff groups. With {@code STAFF_ISSUER} set (on AWS: the staff pool, where a second
     * factor is required at every sign-in; the local shop sets it to its staff pool too), only tokens that pool issued
     * may; without it (handler tests, the shaded-jar probes) any verified token may.
     */
    static boolean fromStaffPool(Map<String, ?> claims) {
        String staff = shop.verdant.config.Env.get("STAFF_ISSUER", null);
        return staff == null || staff.equals(String.valueOf(claims.get("iss")));
    }


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
        // staff groups a token's pool cannot grant (not a staff sign-in) are dropped, and the refusal remembered
        boolean refused = !fromStaffPool(claims) && groups.removeIf(STAFF_GROUPS::contains);
        // A merchant id counts only with membership in merchants: an attribute alone proves nothing.
        Object merchant = groups.contains(MERCHANTS) ? claims.get("custom:merchantId") : null;
        return new Principal(sub.toString(), email == null ? null : email.toString(),
                groups, merchant == null || merchant.toString().isBlank() ? null : merchant.toString(), refused);
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

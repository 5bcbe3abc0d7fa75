package shop.verdant.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP route: method and API Gateway resource path ({@code {name}} segments are path parameters), the
 * function behind it, and who may call it.
 */
public record Route(String method, String path, Handler handler, Auth auth, Set<Role> roles) implements Trigger {

    public enum Auth {
        /** Anyone, signed in or not. */
        NONE,
        /**
         * Anyone; a bearer token, when sent, must be valid and then identifies the caller (the cart: a
         * visitor's cart by {@code X-Cart-Token}, a customer's by token). API Gateway's Cognito authorizer
         * cannot be optional, so on these routes the handler verifies the token itself.
         */
        OPTIONAL,
        /**
         * A valid Cognito token, checked by API Gateway's Cognito authorizer (the local gateway plays it);
         * if {@code roles} is non-empty, the handler also requires one of them.
         */
        COGNITO
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    public Route {
        roles = Set.copyOf(roles);
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("routes live under /api/: " + path);
        }
        if (auth != Auth.COGNITO && !roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + ": roles need auth COGNITO");
        }
        if (auth == Auth.OPTIONAL && !handler.group().needs(Need.TOKEN_VERIFIER)) {
            throw new IllegalArgumentException(method + " " + path + ": OPTIONAL auth needs a group with TOKEN_VERIFIER");
        }
    }

    public static Route open(String method, String path, Handler handler) {
        return new Route(method, path, handler, Auth.NONE, Set.of());
    }

    public static Route optional(String method, String path, Handler handler) {
        return new Route(method, path, handler, Auth.OPTIONAL, Set.of());
    }

    /** Any signed-in user, or only the given roles. */
    public static Route signedIn(String method, String path, Handler handler, Role... roles) {
        return new Route(method, path, handler, Auth.COGNITO, Set.of(roles));
    }

    public String handlerClass() {
        return handler.className();
    }

    public FunctionGroup group() {
        return handler.group();
    }

    /** The Cognito groups that may call this route; empty means any signed-in user. */
    public Set<String> cognitoGroups() {
        Set<String> out = new java.util.TreeSet<>();
        roles.forEach(r -> out.add(r.cognitoGroup()));
        return out;
    }

    /**
     * The shape that decides a collision: {@code /api/orders/{id}} and {@code /api/orders/{orderId}} are the
     * same route to API Gateway.
     */
    public String shape() {
        return method + " " + PARAMETER.matcher(path).replaceAll("{}");
    }

    /** A regex over concrete paths, with one named group per path parameter. */
    public Pattern pathPattern() {
        Matcher m = PARAMETER.matcher(path);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
            regex.append("(?<").append(m.group(1)).append(">[^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    public List<String> pathParameterNames() {
        Matcher m = PARAMETER.matcher(path);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.route(this);
    }
}

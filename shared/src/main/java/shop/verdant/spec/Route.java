package shop.verdant.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: the HTTP method and API Gateway resource path ({@code {name}} segments are path
 * parameters), the handler class and the function group (jar) it lives in, and who may call it.
 */
public record Route(String method, String path, String handlerClass, String group, Auth auth, List<String> groups) {

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
         * if {@code groups} is non-empty, the handler also requires membership in one of them.
         */
        COGNITO
    }

    public Route {
        groups = List.copyOf(groups);
    }

    /** The handler's simple class name, used as the function's construct id. */
    public String functionName() {
        return handlerClass.substring(handlerClass.lastIndexOf('.') + 1).replace("Handler", "");
    }

    /** A regex over concrete paths, with one named group per path parameter. */
    public Pattern pathPattern() {
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(path);
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
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(path);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

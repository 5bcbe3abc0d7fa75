package shop.verdant.adapter.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.adapter.aws.SignedHttp;
import shop.verdant.application.agents.port.CustomerDirectory;
import shop.verdant.config.Env;
import shop.verdant.http.Json;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The user pool as the call centre's customer directory: ListUsers with a filter on one attribute (email, phone
 * number, sub), and AdminCreateUser with the invitation suppressed, then AdminSetUserPassword with a random password
 * nobody learns (so the account is confirmed, and the customer claims it with "forgot password": Cognito resets no
 * password of an account still waiting for its first one) and AdminAddUserToGroup {@code customers}. Three calls of Cognito's JSON API, each
 * a {@link SignedHttp} call: the SDK's client would bring its whole model and put the call centre's jar over 12 MB.
 * Filters take the value quoted; values with a quote or backslash never reach here (CallerDetails refuses them).
 */
public final class CognitoCustomerDirectory implements CustomerDirectory {
    static final int MAX_MATCHES = 20;

    private final SignedHttp http;
    private final URI endpoint;
    private final String userPoolId;

    public CognitoCustomerDirectory(SignedHttp http, URI endpoint, String userPoolId) {
        this.http = http;
        this.endpoint = endpoint;
        this.userPoolId = userPoolId;
    }

    /** The pool {@code USER_POOL_ID} names ({@code COGNITO_ENDPOINT} points it at cognito-local). */
    public static CognitoCustomerDirectory fromEnvironment() {
        SignedHttp http = SignedHttp.fromEnvironment("cognito-idp", false, "COGNITO_ENDPOINT");
        return new CognitoCustomerDirectory(http, URI.create(Env.get("COGNITO_ENDPOINT",
                "https://cognito-idp." + http.region() + ".amazonaws.com/")), Env.require("USER_POOL_ID"));
    }

    /** Cognito refused a call: {@code type} is its error type (UsernameExistsException, TooManyRequestsException, ...). */
    public static final class Refused extends RuntimeException {
        private final String type;

        Refused(String type, int status, String message) {
            super("Cognito refused (" + status + " " + type + "): " + message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    @Override
    public List<Customer> byEmail(String email) {
        return list("email", email);
    }

    @Override
    public List<Customer> byPhone(String phone) {
        return list("phone_number", phone);
    }

    @Override
    public Optional<Customer> get(String customerId) {
        if (customerId == null || !customerId.matches("[0-9a-fA-F-]{8,64}")) {
            return Optional.empty();
        }
        return list("sub", customerId).stream().findFirst();
    }

    @Override
    public Customer create(String name, String email, String phone) {
        List<Map<String, String>> attributes = new ArrayList<>(List.of(attribute("email", email),
                attribute("email_verified", "true"), attribute("name", name)));
        if (phone != null) {
            attributes.add(attribute("phone_number", phone));
        }
        JsonNode user = call("AdminCreateUser", Map.of("UserPoolId", userPoolId, "Username", email, "UserAttributes", attributes,
                "MessageAction", "SUPPRESS")).path("User");
        String username = user.path("Username").asText(email);
        call("AdminSetUserPassword", Map.of("UserPoolId", userPoolId, "Username", username, "Password", unknowable(),
                "Permanent", true));
        call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", "customers"));
        return customer(user.path("Attributes"));
    }

    private List<Customer> list(String attribute, String value) {
        JsonNode users = call("ListUsers", Map.of("UserPoolId", userPoolId, "Filter", attribute + " = \"" + value + "\"",
                "Limit", MAX_MATCHES)).path("Users");
        List<Customer> out = new ArrayList<>();
        users.forEach(u -> out.add(customer(u.path("Attributes"))));
        return out;
    }

    private JsonNode call(String operation, Map<String, Object> body) {
        SignedHttp.Answer answer = http.send(SdkHttpMethod.POST, endpoint, Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + operation), Json.write(body).getBytes(StandardCharsets.UTF_8));
        JsonNode json = answer.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.read(answer.text(), JsonNode.class);
        if (!answer.ok()) {
            String type = json.path("__type").asText(answer.header("x-amzn-ErrorType"));
            throw new Refused(type == null ? "Unknown" : type.replaceAll("^.*#", ""), answer.status(),
                    json.path("message").asText(json.path("Message").asText("")));
        }
        return json;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 32 random bytes, with a character of each class any password policy asks for. */
    static String unknowable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "aA1!";
    }

    private static Map<String, String> attribute(String name, String value) {
        return Map.of("Name", name, "Value", value);
    }

    private static Customer customer(JsonNode attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        attributes.forEach(x -> a.putIfAbsent(x.path("Name").asText(), x.path("Value").asText()));
        return new Customer(a.get("sub"), a.get("name"), a.get("email"), a.get("phone_number"));
    }
}

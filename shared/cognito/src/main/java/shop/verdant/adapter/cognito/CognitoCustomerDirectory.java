package shop.verdant.adapter.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.agents.port.CustomerDirectory;
import shop.verdant.config.Env;

/**
 * The user pool as the call centre's customer directory: ListUsers with a filter on one attribute (email, phone
 * number, sub), and AdminCreateUser with the invitation suppressed, then AdminSetUserPassword with a random password
 * nobody learns (so the account is confirmed, and the customer claims it with "forgot password": Cognito resets no
 * password of an account still waiting for its first one) and AdminAddUserToGroup {@code customers}: calls of Cognito's
 * JSON API ({@link CognitoApi}); the SDK's client would bring its whole model and put the call centre's jar over 12 MB.
 * Filters take the value quoted; values with a quote or backslash never reach here (CallerDetails refuses them).
 */
public final class CognitoCustomerDirectory implements CustomerDirectory {
    static final int MAX_MATCHES = 20;

    private final CognitoApi api;
    private final String userPoolId;

    CognitoCustomerDirectory(CognitoApi api, String userPoolId) {
        this.api = api;
        this.userPoolId = userPoolId;
    }

    /** The pool {@code USER_POOL_ID} names ({@code COGNITO_ENDPOINT} points it at cognito-local). */
    public static CognitoCustomerDirectory fromEnvironment() {
        return new CognitoCustomerDirectory(CognitoApi.fromEnvironment(), Env.require("USER_POOL_ID"));
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
        List<Map<String, String>> attributes = new ArrayList<>(List.of(CognitoApi.attribute("email", email),
                CognitoApi.attribute("email_verified", "true"), CognitoApi.attribute("name", name)));
        if (phone != null) {
            attributes.add(CognitoApi.attribute("phone_number", phone));
        }
        JsonNode user = api.call("AdminCreateUser", Map.of("UserPoolId", userPoolId, "Username", email, "UserAttributes", attributes,
                "MessageAction", "SUPPRESS")).path("User");
        String username = user.path("Username").asText(email);
        api.call("AdminSetUserPassword", Map.of("UserPoolId", userPoolId, "Username", username, "Password", unknowable(),
                "Permanent", true));
        api.call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", "customers"));
        return customer(user.path("Attributes"));
    }

    private List<Customer> list(String attribute, String value) {
        List<Customer> out = new ArrayList<>();
        api.users(userPoolId, attribute, value, MAX_MATCHES).forEach(u -> out.add(customer(u.path("Attributes"))));
        return out;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 32 random bytes, with a character of each class any password policy asks for. */
    static String unknowable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "aA1!";
    }

    private static Customer customer(JsonNode attributes) {
        Map<String, String> a = CognitoApi.attributes(attributes);
        return new Customer(a.get("sub"), a.get("name"), a.get("email"), a.get("phone_number"));
    }
}

package shop.verdant.adapter.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.admin.port.MerchantOnboarding;
import shop.verdant.config.Env;

/**
 * Making a user a merchant in the pool: ListUsers by email, AdminUpdateUserAttributes {@code custom:merchantId} (no app
 * client may write it) and AdminAddUserToGroup {@code merchants}; both are idempotent.
 */
public final class CognitoMerchantOnboarding implements MerchantOnboarding {
    private final CognitoApi api;
    private final String userPoolId;

    CognitoMerchantOnboarding(CognitoApi api, String userPoolId) {
        this.api = api;
        this.userPoolId = userPoolId;
    }

    public static CognitoMerchantOnboarding fromEnvironment() {
        return new CognitoMerchantOnboarding(CognitoApi.fromEnvironment(), Env.require("USER_POOL_ID"));
    }

    @Override
    public Optional<User> byEmail(String email) {
        JsonNode users = api.users(userPoolId, "email", email, 2);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        JsonNode u = users.get(0);
        Map<String, String> a = CognitoApi.attributes(u.path("Attributes"));
        return Optional.of(new User(u.path("Username").asText(), a.get("sub"), a.get("email"), a.get("custom:merchantId")));
    }

    @Override
    public void makeMerchant(String username, String merchantId) {
        api.call("AdminUpdateUserAttributes", Map.of("UserPoolId", userPoolId, "Username", username,
                "UserAttributes", List.of(CognitoApi.attribute("custom:merchantId", merchantId))));
        api.call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", "merchants"));
    }
}

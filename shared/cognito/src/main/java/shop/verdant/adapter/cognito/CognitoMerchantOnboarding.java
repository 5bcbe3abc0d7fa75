package shop.verdant.adapter.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.admin.port.MerchantOnboarding;
import shop.verdant.config.Env;

/**
 * Making a member of staff a merchant in the staff pool ({@code STAFF_POOL_ID}): ListUsers by email, AdminCreateUser for
 * someone new (Cognito emails the invitation with a temporary password; the pool requires a second factor from the first
 * sign-in on), AdminUpdateUserAttributes {@code custom:merchantId} (no app client may write it) and AdminAddUserToGroup
 * {@code merchants}; the last two are idempotent. Admins, agents and marketers are invited the same way and only added
 * to their group.
 */
public final class CognitoMerchantOnboarding implements MerchantOnboarding {
    private final CognitoApi api;
    private final String userPoolId;

    CognitoMerchantOnboarding(CognitoApi api, String userPoolId) {
        this.api = api;
        this.userPoolId = userPoolId;
    }

    public static CognitoMerchantOnboarding fromEnvironment() {
        return new CognitoMerchantOnboarding(CognitoApi.fromEnvironment(), Env.require("STAFF_POOL_ID"));
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
    public User invite(String email, String displayName) {
        JsonNode created;
        try {
            created = api.call("AdminCreateUser", Map.of("UserPoolId", userPoolId, "Username", email,
                    "UserAttributes", List.of(CognitoApi.attribute("email", email), CognitoApi.attribute("email_verified", "true"),
                            CognitoApi.attribute("name", displayName)),
                    "DesiredDeliveryMediums", List.of("EMAIL"))).path("User");
        } catch (CognitoApi.Refused e) {
            if (e.type().equals("UsernameExistsException")) {
                // another call invited them meanwhile: theirs is the account
                return byEmail(email).orElseThrow(() -> e);
            }
            throw e;
        }
        Map<String, String> a = CognitoApi.attributes(created.path("Attributes"));
        return new User(created.path("Username").asText(), a.get("sub"), email, null);
    }

    @Override
    public void makeMerchant(String username, String merchantId) {
        api.call("AdminUpdateUserAttributes", Map.of("UserPoolId", userPoolId, "Username", username,
                "UserAttributes", List.of(CognitoApi.attribute("custom:merchantId", merchantId))));
        addToGroup(username, "merchants");
    }

    @Override
    public void addToGroup(String username, String group) {
        api.call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", group));
    }

    @Override
    public List<Member> members(String group, int limit) {
        JsonNode users = api.call("ListUsersInGroup", Map.of("UserPoolId", userPoolId, "GroupName", group, "Limit", limit)).path("Users");
        List<Member> out = new java.util.ArrayList<>();
        for (JsonNode u : users) {
            Map<String, String> a = CognitoApi.attributes(u.path("Attributes"));
            out.add(new Member(u.path("Username").asText(), a.get("sub"), a.get("email"), a.get("name"), u.path("UserStatus").asText(null)));
        }
        return out;
    }

    @Override
    public void removeFromGroup(String username, String group) {
        api.call("AdminRemoveUserFromGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", group));
    }
}

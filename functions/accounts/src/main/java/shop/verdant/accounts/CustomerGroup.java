package shop.verdant.accounts;

import shop.verdant.adapter.AwsClients;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Puts a user into a user-pool group ({@code COGNITO_ENDPOINT} points the client at cognito-local). */
public interface CustomerGroup {
    void add(String userPoolId, String userName, String group);

    static CustomerGroup cognito() {
        CognitoIdentityProviderClient client = AwsClients.configure(CognitoIdentityProviderClient.builder(), "COGNITO_ENDPOINT").build();
        return (pool, user, group) -> client.adminAddUserToGroup(b -> b.userPoolId(pool).username(user).groupName(group));
    }
}

package shop.verdant.adapter.cognito;

import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.application.accounts.port.UserGroups;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Cognito's admin API ({@code COGNITO_ENDPOINT} points the client at cognito-local). */
public final class CognitoUserGroups implements UserGroups {
    private final CognitoIdentityProviderClient client;

    private CognitoUserGroups(CognitoIdentityProviderClient client) {
        this.client = client;
    }

    public static CognitoUserGroups fromEnvironment() {
        return new CognitoUserGroups(AwsClients.configure(CognitoIdentityProviderClient.builder(), "COGNITO_ENDPOINT").build());
    }

    @Override
    public void add(String userPoolId, String userName, String group) {
        client.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(userName).groupName(group));
    }
}

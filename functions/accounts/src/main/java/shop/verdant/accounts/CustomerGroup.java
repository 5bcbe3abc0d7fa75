package shop.verdant.accounts;

import java.net.URI;
import shop.verdant.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Puts a user into a user-pool group. On Lambda: the region's Cognito endpoint with the function's
 * credentials; with {@code COGNITO_ENDPOINT} set (the local shop): that endpoint (cognito-local).
 */
public interface CustomerGroup {
    void add(String userPoolId, String userName, String group);

    static CustomerGroup cognito() {
        var builder = CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(Env.get("AWS_REGION", "us-east-1")));
        String endpoint = Env.get("COGNITO_ENDPOINT", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        CognitoIdentityProviderClient client = builder.build();
        return (pool, user, group) -> client.adminAddUserToGroup(b -> b.userPoolId(pool).username(user).groupName(group));
    }
}

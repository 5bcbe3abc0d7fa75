package shop.verdant.adapter.cognito;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.adapter.aws.AwsClients;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;

/**
 * OpenSearch Dashboards signs staff in through the shop's user pool: OpenSearch adds its own app client to the pool
 * and that client to the identity pool, with a client id no template can know. This points the identity pool at
 * the token's role for that client ("choose role from token"): a member of marketing or admins gets the role of their
 * group (the group's role ARN), anyone else the pool's authenticated role, which fine-grained access control maps to
 * nothing. Existing mappings of other providers are kept.
 */
public final class DashboardsSignIn {
    /** How OpenSearch names the app client it creates (the older service name, and the current one). */
    static final List<String> CLIENT_PREFIXES = List.of("AWSOpenSearch", "AWSElasticsearch");

    private final CognitoIdentityProviderClient userPools;
    private final CognitoIdentityClient identityPools;

    public DashboardsSignIn(CognitoIdentityProviderClient userPools, CognitoIdentityClient identityPools) {
        this.userPools = userPools;
        this.identityPools = identityPools;
    }

    public static DashboardsSignIn fromEnvironment() {
        return new DashboardsSignIn(AwsClients.configure(CognitoIdentityProviderClient.builder(), "COGNITO_ENDPOINT").build(),
                AwsClients.configure(CognitoIdentityClient.builder(), "COGNITO_IDENTITY_ENDPOINT").build());
    }

    /** Maps every Dashboards client of the user pool to the token's role; returns the providers mapped. */
    public List<String> useRoleFromToken(String region, String userPoolId, String identityPoolId) {
        List<String> clients = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = userPools.listUserPoolClients(b -> b.userPoolId(userPoolId).maxResults(60).nextToken(token));
            for (UserPoolClientDescription c : page.userPoolClients()) {
                if (CLIENT_PREFIXES.stream().anyMatch(p -> c.clientName() != null && c.clientName().startsWith(p))) {
                    clients.add(c.clientId());
                }
            }
            next = page.nextToken();
        } while (next != null);
        if (clients.isEmpty()) {
            return List.of();
        }
        var current = identityPools.getIdentityPoolRoles(b -> b.identityPoolId(identityPoolId));
        Map<String, RoleMapping> mappings = new LinkedHashMap<>(current.roleMappings());
        List<String> providers = new ArrayList<>();
        for (String client : clients) {
            String provider = "cognito-idp." + region + ".amazonaws.com/" + userPoolId + ":" + client;
            mappings.put(provider, RoleMapping.builder().type(RoleMappingType.TOKEN)
                    .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE).build());
            providers.add(provider);
        }
        identityPools.setIdentityPoolRoles(b -> b.identityPoolId(identityPoolId).roles(current.roles()).roleMappings(mappings));
        return providers;
    }
}

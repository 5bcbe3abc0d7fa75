package shop.verdant.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Creates, or finds from a previous run, the local user pool as the CDK auth stack defines it: email
 * sign-in with verification, the {@code merchantId} custom attribute, the staff and customer groups, an
 * app client for the storefront, and one demo user per role.
 */
final class CognitoSetup implements AutoCloseable {
    static final String POOL_NAME = "verdant-local";
    static final String CLIENT_NAME = "verdant-storefront";
    static final List<String> GROUPS = List.of("customers", "merchants", "admins", "agents", "marketing");

    /** A demo sign-in, printed at start. */
    record DemoUser(String role, String email, String password, String group, String merchantId) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("customer", "customer@verdant.local", "Verdant-Customer-1", "customers", null),
            new DemoUser("merchant", "merchant@verdant.local", "Verdant-Merchant-1", "merchants", DemoCatalog.MERCHANT),
            new DemoUser("merchant2", "merchant2@verdant.local", "Verdant-Merchant-2", "merchants", DemoCatalog.SECOND_MERCHANT),
            new DemoUser("admin", "admin@verdant.local", "Verdant-Admin-1", "admins", null),
            new DemoUser("agent", "agent@verdant.local", "Verdant-Agent-1", "agents", null),
            new DemoUser("marketing", "marketing@verdant.local", "Verdant-Marketing-1", "marketing", null));

    record Pool(String userPoolId, String clientId, String issuer) {
    }

    private final CognitoIdentityProviderClient cognito;
    private final String endpoint;

    CognitoSetup(String endpoint) {
        this.endpoint = endpoint;
        this.cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    CognitoIdentityProviderClient client() {
        return cognito;
    }

    Pool ensurePool() {
        String poolId = cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
                .filter(p -> POOL_NAME.equals(p.name())).map(UserPoolDescriptionType::id).findFirst()
                .orElseGet(() -> cognito.createUserPool(b -> b.poolName(POOL_NAME)
                        .usernameAttributes(UsernameAttributeType.EMAIL)
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .schema(SchemaAttributeType.builder().name("merchantId")
                                .attributeDataType(AttributeDataType.STRING).mutable(true).build()))
                        .userPool().id());
        String clientId = cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .filter(c -> CLIENT_NAME.equals(c.clientName())).map(UserPoolClientDescription::clientId).findFirst()
                .orElseGet(() -> cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName(CLIENT_NAME)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                        .userPoolClient().clientId());
        for (String group : GROUPS) {
            try {
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
            } catch (GroupExistsException alreadyThere) {
                // kept from a previous run
            }
        }
        for (DemoUser u : DEMO_USERS) {
            ensureUser(poolId, clientId, u.email(), u.password(), u.group(), u.merchantId());
        }
        return new Pool(poolId, clientId, endpoint + "/" + poolId);
    }

    /** Signs a confirmed user up (if new) and puts them in {@code group} (if any). */
    void ensureUser(String poolId, String clientId, String email, String password, String group, String merchantId) {
        List<AttributeType> attributes = new ArrayList<>();
        attributes.add(AttributeType.builder().name("email").value(email).build());
        if (merchantId != null) {
            attributes.add(AttributeType.builder().name("custom:merchantId").value(merchantId).build());
        }
        try {
            cognito.signUp(b -> b.clientId(clientId).username(email).password(password).userAttributes(attributes));
            cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username(email));
        } catch (UsernameExistsException alreadyThere) {
            // kept from a previous run
        }
        if (group != null) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(email).groupName(group));
        }
    }

    @Override
    public void close() {
        cognito.close();
    }
}

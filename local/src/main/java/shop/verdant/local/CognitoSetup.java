package shop.verdant.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import shop.verdant.contract.Role;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Creates, or finds from a previous run, the local user pools as the CDK auth stack defines them. The customers' pool:
 * email sign-in with verification, open sign-up, the {@code customers} group and the storefront's app client. The staff
 * pool: no sign-up (admins invite), the {@code merchantId} custom attribute, the staff groups, the staff app client, and a
 * software token (TOTP) enrolled for each demo member of staff. One demo user per role.
 *
 * <p>On AWS the staff pool requires MFA. cognito-local cannot offer a member without a token the MFA_SETUP challenge (it
 * refuses them), so its staff pool has MFA optional, and the gateway's Cognito proxy requires the second factor as Cognito
 * would ({@link CognitoProxy}): a member who has a token is always challenged for it, one who has none sets it up first.
 */
final class CognitoSetup implements AutoCloseable {
    static final String POOL_NAME = "verdant-local";
    static final String STAFF_POOL_NAME = "verdant-local-staff";
    static final String CLIENT_NAME = "verdant-storefront";
    static final String STAFF_CLIENT_NAME = "verdant-staff";
    static final String CUSTOMERS = Role.CUSTOMER.cognitoGroup();
    /** The staff pool's groups: every role but customer. */
    static final List<String> STAFF_GROUPS = Arrays.stream(Role.values()).filter(r -> r != Role.CUSTOMER)
            .map(Role::cognitoGroup).toList();

    /** A demo sign-in, printed at start; every one but the customer is a member of staff. */
    record DemoUser(String role, String email, String password, String group, String merchantId) {
        boolean staff() {
            return !CUSTOMERS.equals(group);
        }
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("customer", "customer@verdant.local", "Verdant-Customer-1", CUSTOMERS, null),
            new DemoUser("merchant", "merchant@verdant.local", "Verdant-Merchant-1", "merchants", DemoCatalog.MERCHANT),
            new DemoUser("merchant2", "merchant2@verdant.local", "Verdant-Merchant-2", "merchants", DemoCatalog.SECOND_MERCHANT),
            new DemoUser("admin", "admin@verdant.local", "Verdant-Admin-1", "admins", null),
            new DemoUser("agent", "agent@verdant.local", "Verdant-Agent-1", "agents", null),
            new DemoUser("marketing", "marketing@verdant.local", "Verdant-Marketing-1", "marketing", null));

    record Pool(String userPoolId, String clientId, String issuer) {
    }

    /** The customers' pool and the staff pool. */
    record Pools(Pool customers, Pool staff) {
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

    Pools ensurePools() {
        Pool customers = ensurePool(POOL_NAME, CLIENT_NAME, List.of(CUSTOMERS), false);
        Pool staff = ensurePool(STAFF_POOL_NAME, STAFF_CLIENT_NAME, STAFF_GROUPS, true);
        for (DemoUser u : DEMO_USERS) {
            if (u.staff()) {
                ensureStaff(staff, u.email(), u.password(), u.group(), u.merchantId());
            } else {
                ensureUser(customers.userPoolId(), customers.clientId(), u.email(), u.password(), u.group(), null);
            }
        }
        return new Pools(customers, staff);
    }

    private Pool ensurePool(String name, String clientName, List<String> groups, boolean staff) {
        String poolId = cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
                .filter(p -> name.equals(p.name())).map(UserPoolDescriptionType::id).findFirst()
                .orElseGet(() -> cognito.createUserPool(b -> {
                    // both carry the attribute, as on AWS (a live pool's attributes cannot be removed); only staff tokens count it
                    b.poolName(name)
                            .usernameAttributes(UsernameAttributeType.EMAIL)
                            .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                            .schema(SchemaAttributeType.builder().name("merchantId")
                                    .attributeDataType(AttributeDataType.STRING).mutable(true).build());
                    if (staff) {
                        b.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true)).mfaConfiguration(UserPoolMfaType.OPTIONAL);
                    }
                }).userPool().id());
        String clientId = cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .filter(c -> clientName.equals(c.clientName())).map(UserPoolClientDescription::clientId).findFirst()
                .orElseGet(() -> cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName(clientName)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                        .userPoolClient().clientId());
        for (String group : groups) {
            try {
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
            } catch (GroupExistsException alreadyThere) {
                // kept from a previous run
            }
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

    /**
     * A member of staff with a password and an enrolled software token, as one is after their first sign-in: made
     * here with the engine's own API (an admin's setup, not the gateway's proxy, which would ask for the token).
     */
    void ensureStaff(Pool staff, String email, String password, String group, String merchantId) {
        ensureUser(staff.userPoolId(), staff.clientId(), email, password, group, merchantId);
        boolean enrolled = cognito.adminGetUser(b -> b.userPoolId(staff.userPoolId()).username(email))
                .userMFASettingList().contains("SOFTWARE_TOKEN_MFA");
        if (enrolled) {
            return;
        }
        String access = cognito.initiateAuth(b -> b.clientId(staff.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(access).userCode(Authenticator.code(secret)).friendlyDeviceName("demo"));
    }

    /**
     * An id token of a member of staff: the password, then the software token's code ({@code authenticator} answers the
     * current one for an email), as the staff sign-in asks for both.
     */
    String staffSignIn(Pool staff, String email, String password, java.util.function.Function<String, String> authenticator) {
        var first = cognito.initiateAuth(b -> b.clientId(staff.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
        if (first.challengeName() != ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            throw new IllegalStateException(email + " is not enrolled with a software token (" + first.challengeNameAsString() + ")");
        }
        return cognito.respondToAuthChallenge(b -> b.clientId(staff.clientId()).challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(first.session()).challengeResponses(Map.of("USERNAME", email,
                        "SOFTWARE_TOKEN_MFA_CODE", authenticator.apply(email)))).authenticationResult().idToken();
    }

    @Override
    public void close() {
        cognito.close();
    }
}

package shop.verdant.infra;

import shop.verdant.infra.constructs.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserVerificationConfig;
import software.amazon.awscdk.services.cognito.VerificationEmailStyle;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.iam.PolicyStatement;
import shop.verdant.contract.CognitoTrigger;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Need;
import shop.verdant.contract.Role;
import shop.verdant.contract.Trigger;
import shop.verdant.infra.constructs.ShopFunction;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.constructs.Construct;

/**
 * Sign-in, in two user pools, both retained with deletion protection and threat protection enforced:
 * <ul>
 *   <li>the customers' pool: self sign-up with email and a verification code, optional TOTP MFA (requiring it at
 *       sign-up loses customers), the {@code customers} group and the storefront's app client;</li>
 *   <li>the staff pool: no sign-up (admins invite: Cognito emails a temporary password), TOTP MFA <b>required</b> at every
 *       sign-in, the {@code merchantId} custom attribute, the staff groups (merchants, admins, agents, marketing) and the
 *       staff app client. OpenSearch Dashboards signs staff in through it too.</li>
 * </ul>
 * Cognito cannot require MFA per group, so the second factor comes from the pool: the API's authorizer accepts both
 * pools, and handlers count staff groups only in tokens whose issuer is the staff pool ({@code STAFF_ISSUER}).
 */
public final class AuthStack extends Stack {
    /** The customers' pool's group. */
    public static final List<String> CUSTOMER_GROUPS = List.of(Role.CUSTOMER.cognitoGroup());
    /** The staff pool's groups: every role of the contract but customer; the local shop creates the same ones. */
    public static final List<String> STAFF_GROUPS = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.CUSTOMER)
            .map(Role::cognitoGroup).toList();

    private final UserPool pool;
    private final UserPoolClient storefront;
    private final UserPool staff;
    private final UserPoolClient staffDesk;

    public AuthStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        pool = emailPool("Users", "verdant-users", 10, Mfa.OPTIONAL)
                .selfSignUpEnabled(true)
                .userVerification(UserVerificationConfig.builder()
                        .emailStyle(VerificationEmailStyle.CODE)
                        .emailSubject("Your Verdant verification code")
                        .emailBody("Your Verdant verification code is {####}.")
                        .build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build()).build())
                .build();
        group(pool, "Group-", Role.CUSTOMER.cognitoGroup(), 0, null);
        // no hosted UI, no OAuth: the storefront signs in through the user-pool API only; it may change a customer's
        // email and name, and custom:merchantId is set by admins only
        storefront = appClient(pool, "Storefront", "verdant-storefront",
                StandardAttributesMask.builder().email(true).fullname(true).build(), Duration.days(30));
        for (Trigger trigger : Contract.TRIGGERS) {
            if (trigger instanceof CognitoTrigger cognito) {
                addTrigger(cognito);
            }
        }
        Nag.suppress(pool, "AwsSolutions-COG2", "MFA is optional (TOTP) for shoppers by design: requiring it at "
                + "sign-up loses customers. Staff sign in to the staff pool, which requires it.");

        staff = emailPool("Staff", "verdant-staff", 12, Mfa.REQUIRED)
                .selfSignUpEnabled(false)
                .userInvitation(software.amazon.awscdk.services.cognito.UserInvitationConfig.builder()
                        .emailSubject("Your Verdant staff sign-in")
                        .emailBody("You have a Verdant staff account: {username}. Your temporary password is {####}. "
                                + "At your first sign-in you choose a password and set up an authenticator app.")
                        .build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build())
                        .fullname(StandardAttribute.builder().required(false).mutable(true).build()).build())
                .build();
        // OpenSearch Dashboards signs staff in through the staff pool: an identity pool gives a signed-in member of
        // marketing or admins that group's role (from the token), which fine-grained access control maps to read-only
        // or admin access; anyone else gets a role that may do nothing
        staff.addDomain("Hosted", software.amazon.awscdk.services.cognito.UserPoolDomainOptions.builder()
                .cognitoDomain(software.amazon.awscdk.services.cognito.CognitoDomainOptions.builder()
                        .domainPrefix(software.amazon.awscdk.Fn.join("-", List.of("verdant-staff", getAccount()))).build())
                .build());
        identities = software.amazon.awscdk.services.cognito.identitypool.IdentityPool.Builder.create(this, "DashboardsIdentities")
                .identityPoolName("verdant-dashboards")
                .allowUnauthenticatedIdentities(false)
                .build();
        Map<String, software.amazon.awscdk.services.iam.Role> staffRoles = new java.util.LinkedHashMap<>();
        for (String group : List.of(Role.MARKETING.cognitoGroup(), Role.ADMIN.cognitoGroup())) {
            staffRoles.put(group, software.amazon.awscdk.services.iam.Role.Builder.create(this, "Dashboards-" + group)
                    .description("OpenSearch Dashboards for members of " + group + " (fine-grained access control maps it)")
                    .assumedBy(new software.amazon.awscdk.services.iam.FederatedPrincipal("cognito-identity.amazonaws.com",
                            Map.of("StringEquals", Map.of("cognito-identity.amazonaws.com:aud", identities.getIdentityPoolId()),
                                    "ForAnyValue:StringLike", Map.of("cognito-identity.amazonaws.com:amr", "authenticated")),
                            "sts:AssumeRoleWithWebIdentity"))
                    .build());
        }
        dashboardRoles = Map.copyOf(staffRoles);
        int precedence = 0;
        for (String group : STAFF_GROUPS) {
            group(staff, "StaffGroup-", group, precedence++, staffRoles.get(group));
        }
        // staff may change their display name; email, groups and custom:merchantId are the admins'. Their refresh token
        // lasts a working day: a lost laptop's session ends with it
        staffDesk = appClient(staff, "StaffDesk", "verdant-staff", StandardAttributesMask.builder().fullname(true).build(),
                Duration.hours(12));
    }

    /**
     * What both pools share: email sign-in, verified; the merchantId attribute (a live pool's attributes cannot be
     * removed, so the customers' keeps it, unread); TOTP as the only second factor; recovery by email; threat protection
     * enforced; retained with deletion protection.
     */
    private software.amazon.awscdk.services.cognito.UserPool.Builder emailPool(String id, String name, int minPassword, Mfa mfa) {
        return UserPool.Builder.create(this, id)
                .userPoolName(name)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .customAttributes(Map.of("merchantId", StringAttribute.Builder.create().mutable(true).minLen(1).maxLen(64).build()))
                .passwordPolicy(PasswordPolicy.builder().minLength(minPassword).requireLowercase(true).requireUppercase(true)
                        .requireDigits(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(mfa)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    /** An app client of the site: the user-pool API only (no secret, no OAuth), and only {@code writable} of the attributes. */
    private static UserPoolClient appClient(UserPool pool, String id, String name, StandardAttributesMask writable, Duration refresh) {
        return pool.addClient(id, UserPoolClientOptions.builder()
                .userPoolClientName(name)
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .preventUserExistenceErrors(true)
                .disableOAuth(true)
                .readAttributes(new ClientAttributes().withStandardAttributes(StandardAttributesMask.builder()
                        .email(true).emailVerified(true).fullname(true).build()).withCustomAttributes("merchantId"))
                .writeAttributes(new ClientAttributes().withStandardAttributes(writable))
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(refresh)
                .enableTokenRevocation(true)
                .build());
    }

    /** A role's group in {@code pool}; {@code dashboards}: the role it gives in OpenSearch Dashboards, if any. */
    private void group(UserPool pool, String idPrefix, String name, int precedence, software.amazon.awscdk.services.iam.Role dashboards) {
        CfnUserPoolGroup.Builder.create(this, idPrefix + name)
                .userPoolId(pool.getUserPoolId())
                .groupName(name)
                .description("Verdant " + name)
                .precedence(precedence)
                .roleArn(dashboards == null ? null : dashboards.getRoleArn())
                .build();
    }

    /** A trigger function; one whose group needs the pool's admin API may add users to groups. */
    private void addTrigger(CognitoTrigger trigger) {
        ShopFunction fn = new ShopFunction(this, trigger.handler().functionName(), new ShopFunction.Props(
                trigger.handler(), Repo.path(trigger.handler().group().jar()), Map.of(), Map.of(), Map.of(), null));
        if (trigger.handler().group().needs(Need.USER_POOL_ADMIN)) {
            // The pool's id is not known before the pool exists and the pool names this function: a policy
            // naming the pool would be a cycle, so it names this account's pools in this region.
            fn.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("cognito-idp:AdminAddUserToGroup"))
                    .resources(List.of(formatArn(ArnComponents.builder().service("cognito-idp").resource("userpool")
                            .resourceName("*").build())))
                    .build());
            Nag.suppressMatching(fn, "AwsSolutions-IAM5", "cognito-idp:AdminAddUserToGroup on userpool/* of this "
                    + "account and region: naming the pool would make a dependency cycle (the pool names this trigger).",
                    "/^Resource::arn:.+:cognito-idp:.+:userpool\\/\\*$/g");
        }
        switch (trigger.event()) {
            case POST_CONFIRMATION -> pool.addTrigger(UserPoolOperation.POST_CONFIRMATION, fn.live());
        }
    }

    private final software.amazon.awscdk.services.cognito.identitypool.IdentityPool identities;
    private final Map<String, software.amazon.awscdk.services.iam.Role> dashboardRoles;

    /** The identity pool OpenSearch Dashboards signs staff in with. */
    public software.amazon.awscdk.services.cognito.identitypool.IdentityPool dashboardsIdentities() {
        return identities;
    }

    /** The role a member of {@code marketing} or {@code admins} gets in OpenSearch Dashboards, by group. */
    public Map<String, software.amazon.awscdk.services.iam.Role> dashboardRoles() {
        return dashboardRoles;
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient storefront() {
        return storefront;
    }

    /** The staff pool: merchants, admins, agents and marketing sign in here, with TOTP required. */
    public UserPool staff() {
        return staff;
    }

    public UserPoolClient staffDesk() {
        return staffDesk;
    }

    /** The staff pool's token issuer: handlers count staff groups only in its tokens ({@code STAFF_ISSUER}). */
    public String staffIssuer() {
        return "https://cognito-idp." + getRegion() + ".amazonaws.com/" + staff.getUserPoolId();
    }

    /** The token issuer handlers verify against: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}. */
    public String issuer() {
        return "https://cognito-idp." + getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }
}

package shop.verdant.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AdvancedSecurityMode;
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
import shop.verdant.spec.RouteTable;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * Sign-in: the user pool (email sign-in with a verification code, password policy, optional TOTP MFA,
 * threat protection enforced, the {@code merchantId} custom attribute), the role groups, and the
 * storefront's app client. Retained with deletion protection: it holds the customers' accounts.
 */
public final class AuthStack extends Stack {
    /** The role groups the route table refers to; the local shop creates the same ones. */
    public static final List<String> GROUPS = List.of("customers", "merchants", "admins", "agents", "marketing");

    private final UserPool pool;
    private final UserPoolClient storefront;

    public AuthStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        pool = UserPool.Builder.create(this, "Users")
                .userPoolName("verdant-users")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .userVerification(UserVerificationConfig.builder()
                        .emailStyle(VerificationEmailStyle.CODE)
                        .emailSubject("Your Verdant verification code")
                        .emailBody("Your Verdant verification code is {####}.")
                        .build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build()).build())
                .customAttributes(Map.of("merchantId", StringAttribute.Builder.create().mutable(true).minLen(1).maxLen(64).build()))
                .passwordPolicy(PasswordPolicy.builder().minLength(10).requireLowercase(true).requireUppercase(true)
                        .requireDigits(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .advancedSecurityMode(AdvancedSecurityMode.ENFORCED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (String group : GROUPS) {
            CfnUserPoolGroup.Builder.create(this, "Group-" + group)
                    .userPoolId(pool.getUserPoolId())
                    .groupName(group)
                    .description("Verdant " + group)
                    .build();
        }
        storefront = pool.addClient("Storefront", UserPoolClientOptions.builder()
                .userPoolClientName("verdant-storefront")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .preventUserExistenceErrors(true)
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .enableTokenRevocation(true)
                .build());
        for (RouteTable.CognitoTrigger trigger : RouteTable.COGNITO_TRIGGERS) {
            addTrigger(trigger);
        }
        Nag.suppress(pool, "AwsSolutions-COG2", "MFA is optional (TOTP) for shoppers by design: requiring it at "
                + "sign-up loses customers. Cognito cannot require MFA per group; staff enrol TOTP as policy.");
    }

    /** A trigger function (java21, SnapStart behind a live alias) that may change group membership in this account's pools. */
    private void addTrigger(RouteTable.CognitoTrigger trigger) {
        Function fn = Function.Builder.create(this, trigger.functionName())
                .description(trigger.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(trigger.handlerClass() + "::handleRequest")
                .code(Code.fromAsset(Repo.lambdaJar(trigger.group())))
                .memorySize(1024)
                .timeout(Duration.seconds(5))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))
                .build();
        // The pool's id is not known before the pool exists and the pool names this function: a policy
        // naming the pool would be a cycle, so it names this account's pools in this region.
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("cognito-idp:AdminAddUserToGroup"))
                .resources(List.of(formatArn(ArnComponents.builder().service("cognito-idp").resource("userpool")
                        .resourceName("*").build())))
                .build());
        Alias live = Alias.Builder.create(this, trigger.functionName() + "Live")
                .aliasName("live").version(fn.getCurrentVersion()).build();
        pool.addTrigger(UserPoolOperation.of(trigger.trigger().substring(0, 1).toLowerCase() + trigger.trigger().substring(1)), live);
        Nag.suppress(fn, "AwsSolutions-IAM4", "AWS-managed basic execution policy: the function's own log group only.");
        Nag.suppress(fn, "AwsSolutions-IAM5", "cognito-idp:AdminAddUserToGroup on userpool/* of this account and region: "
                + "naming the pool would make a dependency cycle (the pool names this trigger).");
        Nag.suppress(fn, "AwsSolutions-L1", "Pinned to java21, the runtime the functions are built, measured and "
                + "SnapStart-primed for; upgraded deliberately, not by a linter.");
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient storefront() {
        return storefront;
    }

    /** The token issuer handlers verify against: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}. */
    public String issuer() {
        return "https://cognito-idp." + getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }
}

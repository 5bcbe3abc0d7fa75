package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class AuthStackTest {

    @Test
    void userPoolSignsInByEmailWithVerificationPasswordPolicyAndOptionalTotp() {
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "UsernameAttributes", List.of("email"),
                "AutoVerifiedAttributes", List.of("email"),
                "MfaConfiguration", "OPTIONAL",
                "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                "DeletionProtection", "ACTIVE",
                "UserPoolAddOns", Match.objectLike(Map.of("AdvancedSecurityMode", "ENFORCED")),
                "Policies", Map.of("PasswordPolicy", Match.objectLike(Map.of(
                        "MinimumLength", 10, "RequireSymbols", true, "RequireNumbers", true,
                        "RequireUppercase", true, "RequireLowercase", true))),
                "Schema", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "merchantId", "AttributeDataType", "String", "Mutable", true)))))));
        Synth.AUTH.hasResource("AWS::Cognito::UserPool", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    }

    @Test
    void everyRoleIsAGroup_andTheStorefrontClientHasNoSecret() {
        for (String group : AuthStack.GROUPS) {
            Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of("GroupName", group)));
        }
        assertThat(AuthStack.GROUPS).containsExactlyInAnyOrder("customers", "merchants", "admins", "agents", "marketing");
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "GenerateSecret", false,
                "PreventUserExistenceErrors", "ENABLED",
                "ExplicitAuthFlows", Match.arrayWith(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")))));
    }

    @Test
    void theStorefrontClientWritesOnlyEmailAndName_neverTheMerchantId_andHasNoOAuth() {
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "WriteAttributes", List.of("email", "name"),
                "ReadAttributes", List.of("custom:merchantId", "email", "email_verified", "name"),
                "AllowedOAuthFlowsUserPoolClient", false)));
        String client = Synth.AUTH.findResources("AWS::Cognito::UserPoolClient").toString();
        assertThat(client).doesNotContain("AllowedOAuthFlows=", "CallbackURLs");
    }

    @Test
    void aConfirmedSignUpJoinsCustomersThroughThePostConfirmationTrigger() {
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "LambdaConfig", Match.objectLike(Map.of("PostConfirmation", Match.anyValue())))));
        Synth.AUTH.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "shop.verdant.accounts.AddToCustomersHandler::handleRequest",
                "Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        assertThat(Synth.AUTH.findResources("AWS::IAM::Policy").toString()).contains("cognito-idp:AdminAddUserToGroup");
    }
}

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
                "UserPoolName", "verdant-users",
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

    /** A pool's resource by its user pool name. */
    private static Map.Entry<String, Map<String, Object>> pool(String name) {
        return Synth.AUTH.findResources("AWS::Cognito::UserPool").entrySet().stream()
                .filter(e -> name.equals(Synth.props(e.getValue()).get("UserPoolName"))).findFirst().orElseThrow();
    }

    @Test
    void staffSignInToTheirOwnPool_withTotpRequired_andNoSignUp() {
        Map<String, Object> staff = Synth.props(pool("verdant-staff").getValue());
        assertThat(staff).containsEntry("MfaConfiguration", "ON").containsEntry("EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"))
                .containsEntry("DeletionProtection", "ACTIVE").containsEntry("UsernameAttributes", List.of("email"));
        assertThat(staff.get("AdminCreateUserConfig").toString()).contains("AllowAdminCreateUserOnly=true", "temporary password");
        assertThat(staff.get("UserPoolAddOns").toString()).contains("AdvancedSecurityMode=ENFORCED");
        assertThat(staff.get("Policies").toString()).contains("MinimumLength=12");
        assertThat(staff.get("Schema").toString()).contains("Name=merchantId");
        assertThat(pool("verdant-staff").getValue().get("DeletionPolicy")).isEqualTo("Retain");
        // the customers' pool keeps sign-up and an optional second factor
        Map<String, Object> customers = Synth.props(pool("verdant-users").getValue());
        assertThat(customers).containsEntry("MfaConfiguration", "OPTIONAL");
        assertThat(String.valueOf(customers.get("AdminCreateUserConfig"))).doesNotContain("AllowAdminCreateUserOnly=true");
    }

    @Test
    void theStaffGroupsAreInTheStaffPoolOnly_andTheCustomersPoolHasOnlyCustomers() {
        String staffPool = pool("verdant-staff").getKey();
        String customersPool = pool("verdant-users").getKey();
        Map<String, String> poolOfGroup = new java.util.HashMap<>();
        Synth.AUTH.findResources("AWS::Cognito::UserPoolGroup").values().forEach(g -> poolOfGroup.put(
                String.valueOf(Synth.props(g).get("GroupName")), String.valueOf(Synth.props(g).get("UserPoolId"))));
        assertThat(poolOfGroup).hasSize(5);
        assertThat(poolOfGroup.get("customers")).contains(customersPool);
        for (String group : AuthStack.STAFF_GROUPS) {
            assertThat(poolOfGroup.get(group)).as(group).contains(staffPool);
        }
        assertThat(AuthStack.STAFF_GROUPS).containsExactlyInAnyOrder("merchants", "admins", "agents", "marketing");
        // the staff client writes the display name only
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "ClientName", "verdant-staff", "WriteAttributes", List.of("name"), "GenerateSecret", false,
                "AllowedOAuthFlowsUserPoolClient", false,
                "UserPoolId", Map.of("Ref", staffPool))));
    }

    @Test
    void theStorefrontClientHasNoSecret() {
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "GenerateSecret", false,
                "PreventUserExistenceErrors", "ENABLED",
                "ExplicitAuthFlows", Match.arrayWith(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")))));
    }

    @Test
    void theStorefrontClientWritesOnlyEmailAndName_neverTheMerchantId_andHasNoOAuth() {
        Synth.AUTH.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "ClientName", "verdant-storefront",
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

package shop.verdant.contract;

/** Who a signed-in caller is, by the Cognito group that grants it. */
public enum Role {
    CUSTOMER("customers"),
    MERCHANT("merchants"),
    ADMIN("admins"),
    AGENT("agents"),
    MARKETING("marketing");

    private final String cognitoGroup;

    Role(String cognitoGroup) {
        this.cognitoGroup = cognitoGroup;
    }

    /** The user-pool group whose members hold this role. */
    public String cognitoGroup() {
        return cognitoGroup;
    }
}

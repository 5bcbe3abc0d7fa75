package shop.verdant.application.accounts.port;

/** The user pool's groups, as far as the shop changes them. */
public interface UserGroups {
    void add(String userPoolId, String userName, String group);
}

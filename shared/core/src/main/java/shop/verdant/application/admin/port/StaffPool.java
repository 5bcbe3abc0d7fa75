package shop.verdant.application.admin.port;

import java.util.Optional;

/** The staff pool as admins bring people in: find a member, invite someone new, put a member in a staff group. */
public interface StaffPool {
    /** A member of staff: {@code merchantId} is their {@code custom:merchantId}, null when they have none. */
    record User(String username, String sub, String email, String merchantId) {
    }

    Optional<User> byEmail(String email);

    /**
     * Creates the staff account of {@code email} and sends its invitation (a temporary password; at the first sign-in they
     * choose a password and set up their authenticator). An account made meanwhile by another call is answered as it is.
     */
    User invite(String email, String displayName);

    /** Adds the member to {@code group}; doing it twice changes nothing. */
    void addToGroup(String username, String group);

    /** A member of a group as the pool lists them: {@code status} is Cognito's (CONFIRMED, FORCE_CHANGE_PASSWORD, ...). */
    record Member(String username, String sub, String email, String name, String status) {
    }

    /** The members of {@code group}, at most {@code limit}. */
    java.util.List<Member> members(String group, int limit);

    /** Takes the member out of {@code group}; doing it twice changes nothing. */
    void removeFromGroup(String username, String group);
}

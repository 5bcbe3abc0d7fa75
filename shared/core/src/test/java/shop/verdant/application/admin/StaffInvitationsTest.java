package shop.verdant.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.verdant.application.admin.port.StaffPool;
import shop.verdant.domain.common.ValidationException;

class StaffInvitationsTest {

    /** A staff pool in memory: who is in it, and what was done to it. */
    static final class FakePool implements StaffPool {
        final Map<String, User> users = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<User> byEmail(String email) {
            return Optional.ofNullable(users.get(email));
        }

        @Override
        public User invite(String email, String displayName) {
            calls.add("invite " + email + " " + displayName);
            User u = new User("u-" + users.size(), "sub-" + users.size(), email, null);
            users.put(email, u);
            return u;
        }

        @Override
        public void addToGroup(String username, String group) {
            calls.add("group " + username + " " + group);
        }
    }

    private final FakePool pool = new FakePool();
    private final StaffInvitations staff = new StaffInvitations(pool, Map.of("admin", "admins", "agent", "agents", "marketing", "marketing"));

    @Test
    void someoneNewIsInvitedThenJoinsTheGroup_aMemberOnlyJoins() {
        var first = staff.grant(" Ada@Example.com ", "  Ada   Lovelace ", "Agent");
        assertThat(first).isEqualTo(new StaffInvitations.Granted("ada@example.com", "agent", "agents", true));
        var second = staff.grant("ada@example.com", "Ada Lovelace", "marketing");
        assertThat(second.invited()).isFalse();
        assertThat(pool.calls).containsExactly("invite ada@example.com Ada Lovelace", "group u-0 agents", "group u-0 marketing");
    }

    @Test
    void anUnknownRoleABadEmailOrNameChangesNothing() {
        for (String role : new String[] {"merchant", "customer", "ADMINS", null}) {
            assertThatThrownBy(() -> staff.grant("ada@example.com", "Ada", role)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("role");
        }
        assertThatThrownBy(() -> staff.grant("not-an-email", "Ada", "agent")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> staff.grant("ada@example.com", "A", "agent")).isInstanceOf(ValidationException.class);
        assertThat(pool.calls).isEmpty();
    }
}

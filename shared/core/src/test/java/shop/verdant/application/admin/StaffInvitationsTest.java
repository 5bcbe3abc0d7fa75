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

        final Map<String, List<String>> groups = new LinkedHashMap<>();

        @Override
        public void addToGroup(String username, String group) {
            calls.add("group " + username + " " + group);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(username);
        }

        @Override
        public List<Member> members(String group, int limit) {
            return groups.getOrDefault(group, List.of()).stream().map(u -> users.values().stream()
                    .filter(x -> x.username().equals(u)).findFirst().orElseThrow())
                    .map(x -> new Member(x.username(), x.sub(), x.email(), "Name of " + x.email(), "CONFIRMED")).toList();
        }

        @Override
        public void removeFromGroup(String username, String group) {
            calls.add("ungroup " + username + " " + group);
            groups.getOrDefault(group, new ArrayList<>()).remove(username);
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

    @Test
    void theListHasEachMemberOnceWithTheirRoles_andARevokedRoleLeavesIt() {
        staff.grant("ada@example.com", "Ada Lovelace", "agent");
        staff.grant("ada@example.com", "Ada Lovelace", "marketing");
        staff.grant("bob@example.com", "Bob Builder", "admin");
        assertThat(staff.list()).extracting(StaffInvitations.Staff::email, StaffInvitations.Staff::roles).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ada@example.com", List.of("agent", "marketing")),
                org.assertj.core.groups.Tuple.tuple("bob@example.com", List.of("admin")));
        staff.revoke("u-0", "marketing", "sub-1");
        assertThat(staff.list().get(0).roles()).containsExactly("agent");
    }

    @Test
    void anAdminCannotTakeTheirOwnAdminRole_norARoleNobodyHolds_norAMerchants() {
        staff.grant("bob@example.com", "Bob Builder", "admin");
        assertThatThrownBy(() -> staff.revoke("u-0", "admin", "sub-0")).isInstanceOf(shop.verdant.domain.common.ConflictException.class);
        assertThatThrownBy(() -> staff.revoke("u-0", "agent", "sub-9")).isInstanceOf(shop.verdant.domain.common.NotFoundException.class);
        assertThatThrownBy(() -> staff.revoke("u-0", "merchant", "sub-9")).isInstanceOf(ValidationException.class);
        assertThat(pool.calls).noneMatch(c -> c.startsWith("ungroup"));
        staff.revoke("u-0", "admin", "sub-9");   // another admin may
        assertThat(staff.list()).isEmpty();
    }
}

package shop.verdant.application.admin;

import java.util.Locale;
import java.util.Map;
import shop.verdant.application.admin.port.StaffPool;
import shop.verdant.domain.agents.CallerDetails;
import shop.verdant.domain.common.ValidationException;

/**
 * Admins bring staff in: an admin, a call-centre agent or a marketer gets the role's group in the staff pool, and someone
 * without a staff account is invited first (a temporary password by email; their first sign-in sets a password and an
 * authenticator). Merchants are made with their shop ({@link Merchants}), never here.
 */
public final class StaffInvitations {
    private final StaffPool pool;
    private final Map<String, String> groups;

    /** @param groups the staff pool's group of each role given here, by the role's name in a request ({@code agent}) */
    public StaffInvitations(StaffPool pool, Map<String, String> groups) {
        this.pool = pool;
        this.groups = Map.copyOf(groups);
    }

    /** A member of staff with the roles given here that they hold. */
    public record Staff(String username, String email, String name, String status, java.util.List<String> roles) {
    }

    /** At most this many members of each role are listed: a shop's staff, not a directory. */
    static final int LISTED = 60;

    /** The staff holding the roles given here, by email; each once, with every such role of theirs. */
    public java.util.List<Staff> list() {
        Map<String, StaffPool.Member> members = new java.util.TreeMap<>();
        Map<String, java.util.List<String>> roles = new java.util.HashMap<>();
        for (var role : new java.util.TreeMap<>(groups).entrySet()) {
            for (StaffPool.Member m : pool.members(role.getValue(), LISTED)) {
                members.putIfAbsent(m.username(), m);
                roles.computeIfAbsent(m.username(), u -> new java.util.ArrayList<>()).add(role.getKey());
            }
        }
        return members.values().stream()
                .sorted(java.util.Comparator.comparing(m -> m.email() == null ? "" : m.email()))
                .map(m -> new Staff(m.username(), m.email(), m.name(), m.status(), java.util.List.copyOf(roles.get(m.username()))))
                .toList();
    }

    /**
     * Takes {@code role} from the member {@code username}; their next sign-in, or the next refresh of their session
     * (within the hour an id token lasts), no longer carries it. An admin may not take their own admin role: the shop
     * must not lose its last admin by a slip.
     */
    public void revoke(String username, String role, String actorSub) {
        String wanted = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        String group = groups.get(wanted);
        if (group == null) {
            throw ValidationException.of("role", String.join(", ", new java.util.TreeSet<>(groups.keySet()))
                    + ". A merchant is suspended instead (POST /api/admin/merchants/{merchantId}/suspension).");
        }
        StaffPool.Member member = pool.members(group, LISTED).stream().filter(m -> m.username().equals(username)).findFirst()
                .orElseThrow(() -> new shop.verdant.domain.common.NotFoundException("No " + wanted + " " + username + "."));
        if ("admin".equals(wanted) && member.sub() != null && member.sub().equals(actorSub)) {
            throw new shop.verdant.domain.common.ConflictException("own-admin-role", "Your own admin role",
                    "An admin cannot take their own admin role: another admin can.", Map.of());
        }
        pool.removeFromGroup(member.username(), group);
    }

    /** The member, the role's group they are in now, and whether they were invited (no staff account before). */
    public record Granted(String email, String role, String group, boolean invited) {
    }

    public Granted grant(String email, String name, String role) {
        String address = CallerDetails.email(email);
        if (address == null) {
            throw ValidationException.of("email", "The email address of their staff account.");
        }
        String wanted = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        String group = groups.get(wanted);
        if (group == null) {
            throw ValidationException.of("role", String.join(", ", new java.util.TreeSet<>(groups.keySet()))
                    + ". Merchants are made with their shop (POST /api/admin/merchants).");
        }
        String display = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (display.length() < 2 || display.length() > 60) {
            throw ValidationException.of("name", "Their name as colleagues see it, 2 to 60 characters.");
        }
        var existing = pool.byEmail(address);
        StaffPool.User user = existing.orElseGet(() -> pool.invite(address, display));
        pool.addToGroup(user.username(), group);
        return new Granted(address, wanted, group, existing.isEmpty());
    }
}

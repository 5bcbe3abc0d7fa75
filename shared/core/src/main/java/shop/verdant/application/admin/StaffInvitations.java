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

package shop.verdant.domain.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Who made a change: a signed-in user in the role they acted in ({@code customer}, {@code merchant}, {@code admin},
 * {@code agent}, {@code marketing}), an anonymous {@code visitor}, or a part of the shop itself ({@code system}: the
 * sweeper, the webhook, the import, ...). {@code requestId} ties the change to the request or invocation;
 * {@code ip} is the caller's address truncated (IPv4 to /24, IPv6 to /48), never the whole of it.
 */
public record Actor(String role, String id, String requestId, String ip) {
    public static final String SYSTEM = "system";
    public static final String VISITOR = "visitor";

    /** A change whose writer did not say who it was (only possible outside the shop's code: a console edit). */
    public static final Actor UNKNOWN = new Actor("unknown", "unknown", null, null);

    public Actor {
        if (role == null || role.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor has a role and an id");
        }
    }

    public static Actor user(String role, String sub, String requestId, String ip) {
        return new Actor(role, sub, requestId, truncate(ip));
    }

    public static Actor visitor(String requestId, String ip) {
        return new Actor(VISITOR, "anonymous", requestId, truncate(ip));
    }

    /** A part of the shop acting on its own: {@code sweeper}, {@code webhook}, {@code import}, ... */
    public static Actor system(String part, String requestId) {
        return new Actor(SYSTEM, part, requestId, null);
    }

    /** What the audit log is searched by: {@code merchant:<sub>}, {@code system:sweeper}. */
    public String key() {
        return role + ":" + id;
    }

    /** The actor a stamp written by the shop names, or {@link #UNKNOWN} for anything else. */
    public static Actor fromStamp(Object stamp) {
        if (stamp instanceof Map<?, ?> m && m.get("role") instanceof String role && m.get("id") instanceof String id
                && !role.isBlank() && !id.isBlank()) {
            return new Actor(role, id, m.get("requestId") instanceof String r ? r : null, m.get("ip") instanceof String i ? i : null);
        }
        return UNKNOWN;
    }

    /** {@code 203.0.113.77} → {@code 203.0.113.0}; {@code 2001:db8:85a3::8a2e:370:7334} → {@code 2001:db8:85a3::}; null if none. */
    public static String truncate(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        // only literal addresses: a name is never resolved
        if (!ip.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            byte[] a = InetAddress.getByName(ip).getAddress();
            if (a.length == 4) {
                return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0";
            }
            return Integer.toHexString(((a[0] & 0xff) << 8) | (a[1] & 0xff)) + ":"
                    + Integer.toHexString(((a[2] & 0xff) << 8) | (a[3] & 0xff)) + ":"
                    + Integer.toHexString(((a[4] & 0xff) << 8) | (a[5] & 0xff)) + "::";
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

package shop.verdant.domain.admin;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import shop.verdant.domain.common.ValidationException;

/**
 * A merchant of the shop: its id (what its users' tokens carry as {@code custom:merchantId}), the name shoppers see,
 * and the account that runs it. The id is made from the name and the account, so making the same user a merchant
 * again (a retry) arrives at the same id.
 */
public record MerchantAccount(String merchantId, String displayName, String email, String userSub, String status,
                              Instant createdAt, String createdBy, String suspendedBecause) {
    public static final String ACTIVE = "ACTIVE";
    /** Out of the shop: its products leave search, its back office is read-only; {@code suspendedBecause} says why. */
    public static final String SUSPENDED = "SUSPENDED";

    public MerchantAccount(String merchantId, String displayName, String email, String userSub, String status,
                           Instant createdAt, String createdBy) {
        this(merchantId, displayName, email, userSub, status, createdAt, createdBy, null);
    }

    public boolean suspended() {
        return SUSPENDED.equals(status);
    }

    /** Why a suspension is asked for: 3 to 300 characters the merchant will read; a 400 naming {@code reason} otherwise. */
    public static String reason(String raw) {
        String r = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (r.length() < 3 || r.length() > 300) {
            throw ValidationException.of("reason", "Why, in 3 to 300 characters: the merchant reads it.");
        }
        return r;
    }

    public MerchantAccount {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(status, "status");
    }

    /** The name as shoppers will read it: 2 to 60 characters, spaces tidied; a 400 naming {@code displayName} otherwise. */
    public static String displayName(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > 60) {
            throw ValidationException.of("displayName", "The shop's name as shoppers see it, 2 to 60 characters.");
        }
        return name;
    }

    /** {@code merchant-<name in a-z0-9->-<the account's first 6 id characters>}. */
    public static String idFor(String displayName, String userSub) {
        String slug = Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 30) {
            slug = slug.substring(0, 30).replaceAll("-$", "");
        }
        String account = userSub.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return "merchant-" + (slug.isEmpty() ? "shop" : slug) + "-" + account.substring(0, Math.min(6, account.length()));
    }
}

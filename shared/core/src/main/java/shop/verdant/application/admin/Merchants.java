package shop.verdant.application.admin;

import java.time.Clock;
import java.util.List;
import shop.verdant.application.admin.port.MerchantOnboarding;
import shop.verdant.application.admin.port.MerchantRegistry;
import shop.verdant.domain.admin.MerchantAccount;
import shop.verdant.domain.agents.CallerDetails;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;

/**
 * Admins make merchants: the merchant's staff account is found by email, or created and invited (staff sign in to
 * their own pool, with a second factor; nobody signs up to it); the merchant is recorded (its id made from the name and
 * the account, so a retry arrives at the same one), then the account gets {@code custom:merchantId} (which only the admin
 * API can write) and joins {@code merchants}. Their next sign-in carries both, and with them the back office.
 */
public final class Merchants {
    private final shop.verdant.application.admin.port.MerchantListings listings;
    private final MerchantRegistry registry;
    private final MerchantOnboarding users;
    private final Clock clock;

    public Merchants(MerchantRegistry registry, MerchantOnboarding users, shop.verdant.application.admin.port.MerchantListings listings,
                     Clock clock) {
        this.listings = listings;
        this.registry = registry;
        this.users = users;
        this.clock = clock;
    }

    /** The merchant, whether this call recorded it, and whether it invited the account (a new member of staff). */
    public record Created(MerchantAccount merchant, boolean created, boolean invited) {
    }

    public Created create(String email, String displayName, String actor) {
        String address = CallerDetails.email(email);
        if (address == null) {
            throw ValidationException.of("email", "The email address of the user's account.");
        }
        String name = MerchantAccount.displayName(displayName);
        java.util.Optional<MerchantOnboarding.User> existing = users.byEmail(address);
        MerchantOnboarding.User user = existing.orElseGet(() -> users.invite(address, name));
        String id = MerchantAccount.idFor(name, user.sub());
        if (user.merchantId() != null && !user.merchantId().equals(id)) {
            throw new ConflictException("already-merchant", "Already a merchant",
                    address + " runs the merchant " + user.merchantId() + " already.", java.util.Map.of("merchantId", user.merchantId()));
        }
        MerchantAccount wanted = new MerchantAccount(id, name, address, user.sub(), MerchantAccount.ACTIVE, clock.instant(), actor);
        MerchantAccount stored = registry.createIfAbsent(wanted);
        if (!user.sub().equals(stored.userSub())) {
            throw new ConflictException("merchant-id-taken", "Merchant id taken", "The merchant id " + id + " belongs to another account.",
                    java.util.Map.of());
        }
        users.makeMerchant(user.username(), id);
        return new Created(stored, stored.createdAt().equals(wanted.createdAt()), existing.isEmpty());
    }

    /** The merchants, newest first: the active ones, then the suspended ones. */
    public List<MerchantAccount> list(int limit) {
        int n = Math.max(1, Math.min(limit, 100));
        List<MerchantAccount> all = new java.util.ArrayList<>(registry.list(MerchantAccount.ACTIVE, n));
        all.addAll(registry.list(MerchantAccount.SUSPENDED, n));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The outcome of a suspension or a reinstatement: the merchant as it is now, and how many products moved. */
    public record StatusChange(MerchantAccount merchant, int products) {
    }

    /**
     * Suspends the merchant: its record first (the back office is read-only from then on), then its products leave the
     * shop. Asking again finishes what a crash left half done and moves nothing twice.
     */
    public StatusChange suspend(String merchantId, String reason, String actor) {
        String why = MerchantAccount.reason(reason);
        MerchantAccount m = existing(merchantId);
        registry.moveStatus(m.merchantId(), MerchantAccount.ACTIVE, MerchantAccount.SUSPENDED, why, clock.instant(), actor);
        int moved = listings.suspend(m.merchantId());
        return new StatusChange(existing(merchantId), moved);
    }

    /** Reinstates the merchant: the record, then its products back in the shop as they were. */
    public StatusChange reinstate(String merchantId, String actor) {
        MerchantAccount m = existing(merchantId);
        registry.moveStatus(m.merchantId(), MerchantAccount.SUSPENDED, MerchantAccount.ACTIVE, null, clock.instant(), actor);
        int moved = listings.reinstate(m.merchantId());
        return new StatusChange(existing(merchantId), moved);
    }

    /** Whether the merchant may change its back office: not while suspended (a merchant not on the table may). */
    public java.util.Optional<MerchantAccount> suspension(String merchantId) {
        return registry.find(merchantId).filter(MerchantAccount::suspended);
    }

    private MerchantAccount existing(String merchantId) {
        if (merchantId == null || !merchantId.matches("[a-z0-9-]{3,80}")) {
            throw new NotFoundException("No merchant " + merchantId + ".");
        }
        return registry.find(merchantId).orElseThrow(() -> new NotFoundException("No merchant " + merchantId + "."));
    }
}

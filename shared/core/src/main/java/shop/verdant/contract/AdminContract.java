package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.READ;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admins' back office: the shop's merchants (so far: listing them and turning a user into one). */
public final class AdminContract {
    private AdminContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("admin", "functions/admin",
            "the admins' back office: merchants", Set.of());

    public static final List<Trigger> TRIGGERS = List.of(
            Route.signedIn("GET", "/api/admin/merchants", GROUP.handler("ListMerchantsHandler", Map.of(Tables.MERCHANTS, READ),
                    "The shop's merchants, newest first"), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/merchants", GROUP.handler("CreateMerchantHandler", Map.of(Tables.MERCHANTS, WRITE),
                    "Turns a user into a merchant: a Merchants record, custom:merchantId and the merchants group",
                    Set.of(Need.MERCHANT_ONBOARDING)), Role.ADMIN));
}

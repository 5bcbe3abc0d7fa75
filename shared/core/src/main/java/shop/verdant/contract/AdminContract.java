package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.APPEND;
import static shop.verdant.contract.TableAccess.READ;
import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admins' back office: the shop's merchants (listing them, turning a user into one) and the audit log. */
public final class AdminContract {
    private AdminContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("admin", "functions/admin",
            "the admins' back office: merchants and the audit log", Set.of());

    public static final List<Trigger> TRIGGERS = List.of(
            Route.signedIn("GET", "/api/admin/merchants", GROUP.handler("ListMerchantsHandler", Map.of(Tables.MERCHANTS, READ),
                    "The shop's merchants, newest first"), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/merchants", GROUP.handler("CreateMerchantHandler", Map.of(Tables.MERCHANTS, WRITE),
                    "Turns a user into a merchant: a Merchants record, custom:merchantId and the merchants group",
                    Set.of(Need.MERCHANT_ONBOARDING)), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/staff", GROUP.handler("InviteStaffHandler", Map.of(),
                    "Gives an admin, agent or marketer their group in the staff pool, inviting them first if they have no account",
                    Set.of(Need.STAFF_ONBOARDING)), Role.ADMIN),
            Route.signedIn("GET", "/api/admin/staff", GROUP.handler("ListStaffHandler", Map.of(),
                    "The admins, agents and marketers of the staff pool, with their roles", Set.of(Need.STAFF_DIRECTORY)), Role.ADMIN),
            Route.signedIn("DELETE", "/api/admin/staff/{username}/roles/{role}", GROUP.handler("RevokeStaffHandler", Map.of(),
                    "Takes a role (admin, agent, marketing) from a member of staff; never an admin's own admin role",
                    Set.of(Need.STAFF_OFFBOARDING)), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/merchants/{merchantId}/suspension", GROUP.handler("SuspendMerchantHandler",
                    Map.of(Tables.MERCHANTS, WRITE, Tables.PRODUCTS, STOCK),
                    "Suspends a merchant with a reason: its products leave the shop, its back office is read-only"), Role.ADMIN),
            Route.signedIn("DELETE", "/api/admin/merchants/{merchantId}/suspension", GROUP.handler("ReinstateMerchantHandler",
                    Map.of(Tables.MERCHANTS, WRITE, Tables.PRODUCTS, STOCK),
                    "Reinstates a suspended merchant: its products are back in the shop as they were"), Role.ADMIN),
            Route.signedIn("GET", "/api/admin/orders", GROUP.handler("FindOrdersHandler", Map.of(Tables.ORDERS, READ),
                    "Orders by id, the customer's email, or status (DISPUTED: flagged by the webhook), newest first"), Role.ADMIN),
            Route.signedIn("GET", "/api/admin/orders/{orderId}", GROUP.handler("OrderDetailHandler",
                    Map.of(Tables.ORDERS, READ, Tables.PAYMENTS, READ), "One order with its payments, refunds and dispute flag"),
                    Role.ADMIN),
            Route.signedIn("GET", "/api/admin/categories", GROUP.handler("ListCategoryTreeHandler",
                    Map.of(Tables.CATEGORIES, READ, Tables.PRODUCTS, READ),
                    "The category tree in order, with each category's products and subcategories counted"), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/categories", GROUP.handler("CreateCategoryHandler",
                    Map.of(Tables.CATEGORIES, WRITE), "Creates a category, at the top level or under another"), Role.ADMIN),
            Route.signedIn("PATCH", "/api/admin/categories/{categoryId}", GROUP.handler("UpdateCategoryHandler",
                    Map.of(Tables.CATEGORIES, WRITE, Tables.PRODUCTS, READ),
                    "Renames or moves a category (never under itself; with its contents only when told)"), Role.ADMIN),
            Route.signedIn("DELETE", "/api/admin/categories/{categoryId}", GROUP.handler("DeleteCategoryHandler",
                    Map.of(Tables.CATEGORIES, WRITE, Tables.PRODUCTS, STOCK),
                    "Deletes a category; one that holds products or subcategories only into another (reassignTo)"), Role.ADMIN),
            Route.signedIn("GET", "/api/admin/brands", GROUP.handler("ListBrandsAdminHandler", Map.of(Tables.BRANDS, READ),
                    "Every brand, retired ones too"), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/brands", GROUP.handler("CreateBrandHandler", Map.of(Tables.BRANDS, WRITE),
                    "Creates a brand"), Role.ADMIN),
            Route.signedIn("PATCH", "/api/admin/brands/{brandId}", GROUP.handler("UpdateBrandHandler", Map.of(Tables.BRANDS, WRITE),
                    "Renames a brand, retires it or brings it back"), Role.ADMIN),
            Route.signedIn("POST", "/api/admin/products/{productId}/moderation", GROUP.handler("ModerateProductHandler",
                    Map.of(Tables.PRODUCTS, STOCK), "Takes any product out of the shop (archived) with a reason its merchant reads"),
                    Role.ADMIN),
            Route.signedIn("GET", "/api/admin/audit", GROUP.handler("ListAuditHandler", Map.of(Tables.AUDIT_LOG, READ),
                    "The audit log, newest first, by entity (and id), actor and time; cursor-paged"), Role.ADMIN),
            // the only writer of the audit log, and it may only add entries
            new ChangeFeed(GROUP.handler("RecordAuditHandler", Map.of(Tables.AUDIT_LOG, APPEND),
                    "Writes one audit entry per change of an audited table (a replayed change adds none)"),
                    List.copyOf(Tables.AUDITED.keySet())));
}

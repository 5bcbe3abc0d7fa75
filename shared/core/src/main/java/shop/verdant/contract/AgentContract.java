package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The call centre: agents find callers among the customers and place their orders by phone (cash on delivery). An
 * agent's order is placed and confirmed as the shop's own routes do it (PlaceOrder, then the cash-on-delivery
 * payment), so it needs what those two need, and the user pool for finding and signing up customers.
 */
public final class AgentContract {
    private AgentContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("agent", "functions/agent",
            "the call centre: finding customers and placing their orders by phone", Set.of(Need.CUSTOMER_DIRECTORY));

    public static final List<Trigger> TRIGGERS = List.of(
            Route.signedIn("GET", "/api/agent/customers", GROUP.handler("FindCustomersHandler", Map.of(),
                    "The customers with an email address or a phone number (name, email, phone: nothing else)"), Role.AGENT),
            Route.signedIn("POST", "/api/agent/orders", GROUP.handler("PlacePhoneOrderHandler",
                    Map.of(Tables.PRODUCTS, STOCK, Tables.ORDERS, WRITE, Tables.IDEMPOTENCY, WRITE, Tables.PAYMENTS, WRITE,
                            Tables.SHIPMENTS, WRITE),
                    "Places a caller's order (signing them up if new) and confirms it cash on delivery, once per Idempotency-Key"),
                    Role.AGENT));
}

package shop.verdant.application.agents;

import java.util.List;
import shop.verdant.application.agents.port.CustomerDirectory;
import shop.verdant.application.agents.port.CustomerDirectory.Customer;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.application.shopping.PlaceOrderCommand;
import shop.verdant.domain.agents.CallerDetails;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;

/**
 * The call centre: an agent finds the caller among the customers (or signs them up, without a password: they claim the
 * account later) and places their order as any order is placed — repriced, stock reserved in one transaction — then
 * confirms it cash on delivery, the one way of paying a phone order has (an agent never handles card data). The order
 * is the customer's, in their history, and records which agent placed it. The Idempotency-Key makes a retried call
 * place nothing twice.
 */
public final class PhoneOrders {
    /** Payment is taken at the door: the only provider a phone order uses. */
    static final String PROVIDER = "cod";

    private final CustomerDirectory directory;
    private final PlaceOrder placeOrder;
    private final Payments payments;

    public PhoneOrders(CustomerDirectory directory, PlaceOrder placeOrder, Payments payments) {
        this.directory = directory;
        this.placeOrder = placeOrder;
        this.payments = payments;
    }

    /** The customers with this email address or phone number (exactly one of them). */
    public List<Customer> find(String email, String phone) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        if (byEmail == byPhone) {
            throw ValidationException.of(byEmail ? "phone" : "email", "Search by email or by phone: one of the two.");
        }
        if (byEmail) {
            String e = CallerDetails.email(email);
            if (e == null) {
                throw ValidationException.of("email", "An email address such as ann@example.com.");
            }
            return directory.byEmail(e);
        }
        String p = CallerDetails.phone(phone);
        if (p == null) {
            throw ValidationException.of("phone", "A phone number in international form, such as +31 6 1234 5678.");
        }
        return directory.byPhone(p);
    }

    /** Who the order is for: an existing customer by id, or a caller's details (an existing account with that email is used). */
    public record CustomerRef(String customerId, String name, String email, String phone) {
    }

    public record Placed(Order order, Customer customer, boolean signedUp, boolean replayed) {
    }

    public Placed place(String agentSub, String idempotencyKey, CustomerRef ref, PlaceOrderCommand command) {
        if (ref == null) {
            throw ValidationException.of("customer", "Who the order is for: {customerId}, or {name, email, phone}.");
        }
        // nobody is signed up for an order that cannot be placed
        PlaceOrder.check(idempotencyKey, command);
        Customer customer;
        boolean signedUp = false;
        if (ref.customerId() != null && !ref.customerId().isBlank()) {
            customer = directory.get(ref.customerId())
                    .orElseThrow(() -> new NotFoundException("No customer " + ref.customerId() + "."));
        } else {
            CallerDetails caller = CallerDetails.of(ref.name(), ref.email(), ref.phone(), "customer.");
            List<Customer> known = directory.byEmail(caller.email());
            if (known.isEmpty()) {
                customer = directory.create(caller.name(), caller.email(), caller.phone());
                signedUp = true;
            } else {
                customer = known.get(0);
            }
        }
        PlaceOrder.Outcome outcome = placeOrder.place(customer.customerId(), idempotencyKey, command, null, customer.email(),
                "agent:" + agentSub);
        Payments.Started started = payments.start(customer.customerId(), outcome.order().orderId(), PROVIDER,
                idempotencyKey);
        return new Placed(started.order(), customer, signedUp && !outcome.replayed(), outcome.replayed());
    }
}

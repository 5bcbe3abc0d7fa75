package shop.verdant.application.payments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.domain.common.ValidationException;

/** The providers a shop offers, by name: the one registry a new provider is added to. */
public final class PaymentProviders {
    private final Map<String, PaymentProvider> byName = new LinkedHashMap<>();

    public PaymentProviders(List<PaymentProvider> providers) {
        for (PaymentProvider p : providers) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("two providers named " + p.name());
            }
        }
    }

    /** The provider a client chose; an unknown name is a 400 naming the ones there are. */
    public PaymentProvider chosen(String name) {
        PaymentProvider p = name == null ? null : byName.get(name);
        if (p == null) {
            throw ValidationException.of("provider", "Must be one of: " + String.join(", ", byName.keySet()) + ".");
        }
        return p;
    }

    /** The provider that recorded a payment. */
    public PaymentProvider get(String name) {
        PaymentProvider p = byName.get(name);
        if (p == null) {
            throw new IllegalStateException("no provider " + name);
        }
        return p;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

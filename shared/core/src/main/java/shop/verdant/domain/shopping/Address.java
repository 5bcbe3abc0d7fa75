package shop.verdant.domain.shopping;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/** Where an order goes. {@code country} is an ISO 3166-1 alpha-2 code of a {@link Destination}. */
public record Address(String name, String line1, String line2, String city, String postcode, String country) {

    public Address validated(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, prefix + ".name", name, 100);
        required(errors, prefix + ".line1", line1, 200);
        if (line2 != null && line2.length() > 200) {
            errors.add(new FieldError(prefix + ".line2", "At most 200 characters."));
        }
        required(errors, prefix + ".city", city, 100);
        required(errors, prefix + ".postcode", postcode, 20);
        Destination to = country == null ? null : Destination.of(country).orElse(null);
        if (to == null) {
            errors.add(new FieldError(prefix + ".country", "We deliver to " + String.join(", ",
                    Destination.ALL.stream().map(Destination::country).toList()) + " (ISO 3166-1 codes)."));
        } else if (postcode != null && !postcode.isBlank() && postcode.length() <= 20 && !to.acceptsPostcode(postcode)) {
            errors.add(new FieldError(prefix + ".postcode", "Is not a postcode in " + to.name() + " (for example "
                    + to.postcodeExample() + ")."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Address(name.strip(), line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(),
                city.strip(), postcode.strip().toUpperCase(java.util.Locale.ROOT), country);
    }

    /** The destination of a validated address. */
    public Destination destination() {
        return Destination.of(country).orElseThrow(() -> new IllegalStateException("not a destination: " + country));
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Is required."));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "At most " + max + " characters."));
        }
    }
}

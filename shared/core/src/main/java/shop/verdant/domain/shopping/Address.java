package shop.verdant.domain.shopping;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/** Where an order goes. {@code country} is an ISO 3166-1 alpha-2 code. */
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
        if (country == null || !country.matches("[A-Z]{2}")) {
            errors.add(new FieldError(prefix + ".country", "Must be a two-letter country code (ISO 3166-1)."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Address(name.strip(), line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(),
                city.strip(), postcode.strip(), country);
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Is required."));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "At most " + max + " characters."));
        }
    }
}

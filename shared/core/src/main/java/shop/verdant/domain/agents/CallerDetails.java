package shop.verdant.domain.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/**
 * What an agent types in for a caller: a name, an email address and a phone number in international form
 * ({@code +31612345678}; spaces, dashes and brackets are dropped). Each bad field is named.
 */
public record CallerDetails(String name, String email, String phone) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"\\\\]{1,64}@[^@\\s\"\\\\]+\\.[^@\\s\"\\\\]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** The details cleaned up, or a 400 naming each bad one ({@code prefix}: where they sit in the request). */
    public static CallerDetails of(String name, String email, String phone, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.length() < 2 || n.length() > 80) {
            errors.add(new FieldError(prefix + "name", "The caller's name, 2 to 80 characters."));
        }
        String e = email(email);
        if (e == null) {
            errors.add(new FieldError(prefix + "email", "An email address such as ann@example.com."));
        }
        String p = phone == null || phone.isBlank() ? null : phone(phone);
        if (phone != null && !phone.isBlank() && p == null) {
            errors.add(new FieldError(prefix + "phone", "A phone number in international form, such as +31 6 1234 5678."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CallerDetails(n, e, p);
    }

    /** The address lower-cased, or null when it is none. */
    public static String email(String raw) {
        String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return e.length() <= 254 && EMAIL.matcher(e).matches() ? e : null;
    }

    /** The number as {@code +} and digits, or null when it is none. */
    public static String phone(String raw) {
        String p = raw == null ? "" : raw.replaceAll("[\\s().-]", "");
        if (p.startsWith("00")) {
            p = "+" + p.substring(2);
        }
        return PHONE.matcher(p).matches() ? p : null;
    }
}

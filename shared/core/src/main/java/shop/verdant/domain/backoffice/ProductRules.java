package shop.verdant.domain.backoffice;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.FieldError;

/**
 * What a merchant's product must be, field by field, so that one answer names every bad field. The shop sells in
 * one currency; attributes are the shop's facets (the search filters shoppers use), each a short text.
 */
public final class ProductRules {
    private ProductRules() {
    }

    public static final String CURRENCY = "EUR";
    public static final int NAME_MIN = 3;
    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 5_000;
    /** A price above this (100,000.00) is a typo, not a product. */
    public static final long PRICE_MAX_MINOR = 10_000_000L;
    public static final int SEO_TITLE_MAX = 70;
    public static final int SEO_DESCRIPTION_MAX = 160;
    public static final int SLUG_MAX = 80;
    public static final int ATTRIBUTE_VALUE_MAX = 80;
    /** The attributes the shop's search facets know; a product may carry any of them. */
    public static final Set<String> ATTRIBUTES = Set.of("material", "certification", "origin", "size", "capacity",
            "care", "dimensions", "weight");
    public static final Set<String> COLOURS = Set.of("natural", "green", "white", "black", "grey", "blue", "brown",
            "terracotta", "pink", "yellow", "red", "multi");

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Every problem with {@code form}: as a new product when {@code creating} (name, SKU, price and category are
     * required), otherwise as a change to an existing one (what is present must be valid).
     */
    public static List<FieldError> problems(ProductForm form, boolean creating, Predicate<String> categoryExists,
                                            Predicate<String> brandExists) {
        List<FieldError> errors = new ArrayList<>();
        if (creating) {
            require(errors, "sku", form.sku());
            require(errors, "name", form.name());
            require(errors, "categoryId", form.categoryId());
            if (form.priceMinor() == null) {
                errors.add(new FieldError("priceMinor", "Required: the price in cents."));
            }
        } else if (form.isEmpty()) {
            errors.add(new FieldError("body", "Nothing to change: send at least one field."));
        }
        if (form.sku() != null && !SKU.matcher(form.sku()).matches()) {
            errors.add(new FieldError("sku", "1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }
        if (form.name() != null) {
            int n = form.name().strip().length();
            if (n < NAME_MIN || n > NAME_MAX) {
                errors.add(new FieldError("name", "Between " + NAME_MIN + " and " + NAME_MAX + " characters."));
            }
        }
        if (form.description() != null && form.description().length() > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "At most " + DESCRIPTION_MAX + " characters."));
        }
        if (form.priceMinor() != null && (form.priceMinor() <= 0 || form.priceMinor() > PRICE_MAX_MINOR)) {
            errors.add(new FieldError("priceMinor", "A price in cents, more than 0 and at most " + PRICE_MAX_MINOR + "."));
        }
        if (form.currency() != null && !CURRENCY.equals(form.currency())) {
            errors.add(new FieldError("currency", "The shop sells in " + CURRENCY + "."));
        }
        if (form.categoryId() != null && (!ID.matcher(form.categoryId()).matches() || !categoryExists.test(form.categoryId()))) {
            errors.add(new FieldError("categoryId", "No such category."));
        }
        if (form.brandId() != null && !form.brandId().isEmpty()
                && (!ID.matcher(form.brandId()).matches() || !brandExists.test(form.brandId()))) {
            errors.add(new FieldError("brandId", "No such brand."));
        }
        if (form.colour() != null && !form.colour().isEmpty() && !COLOURS.contains(form.colour())) {
            errors.add(new FieldError("colour", "One of " + String.join(", ", new java.util.TreeSet<>(COLOURS)) + "."));
        }
        if (form.attributes() != null) {
            for (Map.Entry<String, String> a : new java.util.TreeMap<>(form.attributes()).entrySet()) {
                if (!ATTRIBUTES.contains(a.getKey())) {
                    errors.add(new FieldError("attributes." + a.getKey(), "Not an attribute of the shop; one of "
                            + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES)) + "."));
                } else if (a.getValue() == null || a.getValue().isBlank() || a.getValue().length() > ATTRIBUTE_VALUE_MAX) {
                    errors.add(new FieldError("attributes." + a.getKey(), "1 to " + ATTRIBUTE_VALUE_MAX + " characters."));
                }
            }
        }
        if (form.slug() != null && (form.slug().length() > SLUG_MAX || !SLUG.matcher(form.slug()).matches())) {
            errors.add(new FieldError("slug", "Lower-case letters and digits in words joined by '-', at most " + SLUG_MAX + "."));
        }
        if (form.seoTitle() != null && form.seoTitle().length() > SEO_TITLE_MAX) {
            errors.add(new FieldError("seoTitle", "At most " + SEO_TITLE_MAX + " characters (what search engines show)."));
        }
        if (form.seoDescription() != null && form.seoDescription().length() > SEO_DESCRIPTION_MAX) {
            errors.add(new FieldError("seoDescription", "At most " + SEO_DESCRIPTION_MAX + " characters."));
        }
        if (form.status() != null && parseStatus(form.status()) == null) {
            errors.add(new FieldError("status", "One of DRAFT, ACTIVE, ARCHIVED."));
        }
        return errors;
    }

    private static void require(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Required."));
        }
    }

    /** A status a merchant may ask for (DRAFT, ACTIVE, ARCHIVED); null for any other (SUSPENDED is the admins'). */
    public static ProductStatus parseStatus(String status) {
        try {
            ProductStatus s = ProductStatus.valueOf(status);
            return s == ProductStatus.SUSPENDED ? null : s;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * Whether a product may go from {@code from} to {@code to}: a draft is published or archived, a published product
     * is archived, an archived one published again. Published products never go back to draft (shoppers have seen
     * them); the same status is no change.
     */
    public static boolean mayBecome(ProductStatus from, ProductStatus to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case DRAFT -> to == ProductStatus.ACTIVE || to == ProductStatus.ARCHIVED;
            case ACTIVE -> to == ProductStatus.ARCHIVED;
            case ARCHIVED -> to == ProductStatus.ACTIVE;
            case SUSPENDED -> false;
        };
    }

    /** A URL slug from a name: "Bamboo Cup – 350 ml" → "bamboo-cup-350-ml". */
    public static String slugOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "product" : slug;
    }
}

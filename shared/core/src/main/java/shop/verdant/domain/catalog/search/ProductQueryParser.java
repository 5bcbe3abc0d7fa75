package shop.verdant.domain.catalog.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/**
 * Turns the raw query string of {@code GET /api/products} into a {@link ProductQuery}, collecting
 * every problem with the parameter it belongs to. Unknown parameters are ignored (tracking tags on
 * shared links must not break a search); a known one given twice where one is expected is an error.
 * Multi-valued filters take repeated parameters or comma-separated values.
 */
public final class ProductQueryParser {
    public static final long MAX_PRICE = 100_000_000_00L;
    private static final Pattern VALUE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ATTR_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,40}");
    private static final int MAX_VALUES = 50;
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_ATTR_VALUE = 100;

    private final PageCursor cursors;

    public ProductQueryParser(PageCursor cursors) {
        this.cursors = cursors;
    }

    /** A parsed query and the fingerprint its cursors are bound to. */
    public record Parsed(ProductQuery query, String fingerprint) {
    }

    public Parsed parse(Map<String, List<String>> params) {
        Map<String, List<String>> p = params == null ? Map.of() : params;
        List<FieldError> errors = new ArrayList<>();

        String text = single(p, "q", errors);
        if (text != null) {
            text = text.replaceAll("\\p{Cntrl}", " ");
            if (text.length() > ProductQuery.MAX_TEXT_LENGTH) {
                errors.add(new FieldError("q", "must be at most " + ProductQuery.MAX_TEXT_LENGTH + " characters"));
            }
            if (text.isBlank()) {
                text = null;
            }
        }
        String category = single(p, "category", errors);
        if (category != null && !VALUE_ID.matcher(category).matches()) {
            errors.add(new FieldError("category", "is not a category id"));
        }
        Set<String> brands = ids(p, "brand", errors);
        Set<String> colours = ids(p, "colour", errors);
        Long minPrice = price(p, "minPrice", errors);
        Long maxPrice = price(p, "maxPrice", errors);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            errors.add(new FieldError("minPrice", "must not be greater than maxPrice"));
        }
        Map<String, Set<String>> attributes = attributes(p, errors);

        SortOrder sort = SortOrder.RELEVANCE;
        String sortValue = single(p, "sort", errors);
        if (sortValue != null) {
            sort = SortOrder.fromApiName(sortValue);
            if (sort == null) {
                errors.add(new FieldError("sort", "must be one of relevance, price_asc, price_desc, newest, name"));
                sort = SortOrder.RELEVANCE;
            }
        }
        int limit = ProductQuery.DEFAULT_LIMIT;
        String limitValue = single(p, "limit", errors);
        if (limitValue != null) {
            Long parsed = parseLong(limitValue);
            if (parsed == null || parsed < 1 || parsed > ProductQuery.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + ProductQuery.MAX_LIMIT));
            } else {
                limit = parsed.intValue();
            }
        }

        ProductQuery query = new ProductQuery(text == null ? null : text.strip(), category, brands, colours,
                minPrice, maxPrice, attributes, sort, limit, 0);
        String fingerprint = fingerprint(query);
        String cursor = single(p, "cursor", errors);
        if (cursor != null) {
            int offset = cursors.decode(cursor, fingerprint);
            if (offset < 0) {
                errors.add(new FieldError("cursor", "is not a cursor issued for this search"));
            } else {
                query = query.withOffset(offset);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Parsed(query, fingerprint);
    }

    public String nextCursor(Parsed parsed, Integer nextOffset) {
        return nextOffset == null ? null : cursors.encode(nextOffset, parsed.fingerprint());
    }

    private static String single(Map<String, List<String>> p, String name, List<FieldError> errors) {
        List<String> values = p.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    private static Set<String> ids(Map<String, List<String>> p, String name, List<FieldError> errors) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : p.getOrDefault(name, List.of())) {
            if (raw == null) {
                continue;
            }
            for (String v : raw.split(",", -1)) {
                if (v.isEmpty()) {
                    continue;
                }
                if (!VALUE_ID.matcher(v).matches()) {
                    errors.add(new FieldError(name, "values are lower-case ids of letters, digits and '-'"));
                    return Set.of();
                }
                out.add(v);
            }
        }
        if (out.size() > MAX_VALUES) {
            errors.add(new FieldError(name, "at most " + MAX_VALUES + " values"));
        }
        return out;
    }

    private static Long price(Map<String, List<String>> p, String name, List<FieldError> errors) {
        String v = single(p, name, errors);
        if (v == null) {
            return null;
        }
        Long parsed = parseLong(v);
        if (parsed == null || parsed < 0 || parsed > MAX_PRICE) {
            errors.add(new FieldError(name, "must be a whole number of minor units (cents) from 0 to " + MAX_PRICE));
            return null;
        }
        return parsed;
    }

    private static Map<String, Set<String>> attributes(Map<String, List<String>> p, List<FieldError> errors) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : p.entrySet()) {
            if (e.getKey() == null || !e.getKey().startsWith("attr.")) {
                continue;
            }
            String name = e.getKey().substring(5);
            if (!ATTR_NAME.matcher(name).matches()) {
                errors.add(new FieldError(e.getKey(), "attribute names are 1-40 letters, digits, '_' or '-'"));
                continue;
            }
            Set<String> values = new TreeSet<>();
            for (String raw : e.getValue() == null ? List.<String>of() : e.getValue()) {
                for (String v : raw == null ? new String[0] : raw.split(",", -1)) {
                    if (v.length() > MAX_ATTR_VALUE) {
                        errors.add(new FieldError(e.getKey(), "values are at most " + MAX_ATTR_VALUE + " characters"));
                    } else if (!v.isBlank()) {
                        values.add(v.strip());
                    }
                }
            }
            if (!values.isEmpty()) {
                out.put(name, values);
            }
        }
        if (out.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attr", "at most " + MAX_ATTRIBUTES + " attribute filters"));
        }
        return out;
    }

    private static Long parseLong(String v) {
        if (v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9') || v.isEmpty()) {
            return null;
        }
        return Long.parseLong(v);
    }

    static String fingerprint(ProductQuery q) {
        String canonical = String.join("\u0001",
                String.valueOf(q.text()), String.valueOf(q.categoryId()),
                new TreeSet<>(q.brands()).toString(), new TreeSet<>(q.colours()).toString(),
                String.valueOf(q.minPrice()), String.valueOf(q.maxPrice()),
                new TreeMap<>(q.attributes()).toString(), q.sort().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

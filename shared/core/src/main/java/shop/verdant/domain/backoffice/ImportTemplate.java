package shop.verdant.domain.backoffice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/**
 * The CSV a merchant imports: its columns (matched ignoring case, spaces, '_' and '-', and a byte-order mark), what each
 * must hold, and the file's limits. Products are matched by the merchant's SKU, never by an id in the file: a column
 * naming ids is refused, so a file from another shop cannot turn creates into updates of the wrong products.
 */
public final class ImportTemplate {
    private ImportTemplate() {
    }

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;

    /** The columns in template order, and which are required. */
    public static final List<String> COLUMNS = List.of("sku", "name", "description", "price", "category", "brand", "colour",
            "material", "certification", "origin", "status", "stock");
    static final List<String> REQUIRED = List.of("sku", "name", "price", "category");
    private static final List<String> ID_COLUMNS = List.of("id", "productid", "product");
    private static final Pattern PRICE = Pattern.compile("\\d{1,6}([.,]\\d{1,2})?");
    private static final Pattern STOCK = Pattern.compile("\\d{1,7}");

    /** The template a merchant downloads: the header and one example row. */
    public static String template() {
        return String.join(",", COLUMNS) + "\r\n"
                + "VG-9001,Steel Water Bottle 750 ml,\"Double-walled, keeps water cold for a day.\",24.95,water-bottles,,natural,"
                + "stainless steel,B Corp,Portugal,DRAFT,40\r\n";
    }

    static String normalize(String header) {
        String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
        return h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }

    /** Which column of the template each position of the header is; a 400 naming every column that is wrong. */
    public static Map<String, Integer> header(List<String> header) {
        Map<String, Integer> at = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalize(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (ID_COLUMNS.contains(name)) {
                errors.add(new FieldError("header." + header.get(i).strip(), "Products are matched by your SKU; remove the id column."));
            } else if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("header." + header.get(i).strip(), "Not a column of the template (" + String.join(", ", COLUMNS) + ")."));
            } else if (at.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("header." + name, "The column appears twice."));
            }
        }
        for (String required : REQUIRED) {
            if (!at.containsKey(required) && errors.stream().noneMatch(e -> e.field().equals("header." + required))) {
                errors.add(new FieldError("header." + required, "A required column is missing."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return at;
    }

    /**
     * One record of the file as a row of the import; null when its own cells are wrong (their problems added to
     * {@code errors}; what needs the catalog — the category, the brand — is checked when the import validates it).
     */
    public static ImportRow row(int rowNumber, List<String> cells, Map<String, Integer> at, List<RowError> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        at.forEach((column, i) -> v.put(column, i < cells.size() ? blankToNull(cells.get(i)) : null));
        int before = errors.size();
        Long price = null;
        if (v.get("price") != null) {
            String p = v.get("price").replace("€", "").strip();
            if (!PRICE.matcher(p).matches()) {
                errors.add(new RowError(rowNumber, "price", "A price in euros like 12.95."));
            } else {
                price = Math.round(Double.parseDouble(p.replace(',', '.')) * 100);
            }
        }
        Long stock = null;
        if (v.get("stock") != null) {
            if (!STOCK.matcher(v.get("stock")).matches()) {
                errors.add(new RowError(rowNumber, "stock", "Whole units, 0 or more."));
            } else {
                stock = Long.parseLong(v.get("stock"));
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : List.of("material", "certification", "origin")) {
            if (v.get(a) != null) {
                attributes.put(a, v.get(a));
            }
        }
        String status = v.get("status") == null ? null : v.get("status").toUpperCase(Locale.ROOT);
        ProductForm form = new ProductForm(v.get("sku"), v.get("name"), v.get("description"), price, price == null ? null : "EUR",
                v.get("category"), v.get("brand"), v.get("colour") == null ? null : v.get("colour").toLowerCase(Locale.ROOT),
                attributes, null, null, null, status);
        return errors.size() > before ? null : new ImportRow(rowNumber, form, stock);
    }

    /** The template column a product field is in, for a row's error report. */
    public static String column(String field) {
        return switch (field) {
            case "priceMinor", "currency" -> "price";
            case "categoryId" -> "category";
            case "brandId" -> "brand";
            default -> field.startsWith("attributes.") ? field.substring("attributes.".length()) : field;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

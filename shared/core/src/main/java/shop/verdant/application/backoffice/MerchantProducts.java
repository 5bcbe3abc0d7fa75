package shop.verdant.application.backoffice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.backoffice.port.MerchantCatalogStore.Listing;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.domain.backoffice.ProductRules;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.Seo;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;

/**
 * A merchant's own products: list, read, create, change, remove. The merchant is always the caller's (from the
 * verified token), and another merchant's product is not found, exactly like a missing one. New products start as
 * drafts; publishing (ACTIVE) puts a product in search through the Products stream, archiving takes it out while
 * orders keep their own copy of what was sold.
 */
public final class MerchantProducts {
    public static final int MAX_PAGE = 100;

    private final MerchantCatalogStore store;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final Clock clock;
    private final Supplier<String> newId;

    public MerchantProducts(MerchantCatalogStore store, CategoryRepository categories, BrandRepository brands, Clock clock,
                            Supplier<String> newId) {
        this.store = store;
        this.categories = categories;
        this.brands = brands;
        this.clock = clock;
        this.newId = newId;
    }

    /** What a delete did: a draft is gone; a product shoppers have seen is archived instead. */
    public record Removed(String productId, boolean deleted, Listing archived) {
    }

    public MerchantCatalogStore.Page list(String merchantId, String status, String text, Long stockBelow, Integer limit,
                                          String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && ProductRules.parseStatus(status) == null) {
            errors.add(new FieldError("status", "One of DRAFT, ACTIVE, ARCHIVED."));
        }
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            errors.add(new FieldError("limit", "Between 1 and " + MAX_PAGE + "."));
        }
        if (stockBelow != null && (stockBelow < 1 || stockBelow > 1_000_000)) {
            errors.add(new FieldError("stockBelow", "Between 1 and 1000000."));
        }
        if (text != null && text.length() > 100) {
            errors.add(new FieldError("q", "At most 100 characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String words = text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
        return store.list(merchantId, new MerchantCatalogStore.Filter(status, words, stockBelow), limit == null ? 25 : limit,
                cursor);
    }

    /** The merchant's product; not found when it is missing or another merchant's. */
    public Listing get(String merchantId, String productId) {
        return store.find(productId).filter(l -> merchantId.equals(l.product().merchantId()))
                .orElseThrow(() -> new NotFoundException("No product " + productId + " in your catalog."));
    }

    public Listing create(String merchantId, String actor, ProductForm form) {
        return create(merchantId, actor, form, null);
    }

    /** A new product with {@code stock} units available from the start (an import's row), recorded as an {@code import} movement. */
    public Listing create(String merchantId, String actor, ProductForm form, Long stock) {
        validate(form, true);
        Instant now = clock.instant();
        ProductStatus status = form.status() == null ? ProductStatus.DRAFT : ProductRules.parseStatus(form.status());
        if (status == ProductStatus.ARCHIVED) {
            throw ValidationException.of("status", "A new product is a DRAFT or, to publish it at once, ACTIVE.");
        }
        String name = form.name().strip();
        Product p = new Product(newId.get(), merchantId, form.sku(), name, nullToEmpty(form.description()),
                blankToNull(form.brandId()), blankToNull(form.colour()), form.categoryId(),
                form.attributes() == null ? Map.of() : form.attributes(), Money.of(form.priceMinor(), ProductRules.CURRENCY),
                stock == null ? 0 : stock, 0, status, List.of(), seo(form, null, name), now, now, actor, 0);
        requirePublishable(p);
        store.create(p, stock == null || stock == 0 ? null : new shop.verdant.domain.backoffice.StockMovement(p.productId(),
                newId.get(), now, stock, 0, stock, shop.verdant.domain.backoffice.StockAdjustment.Reason.IMPORT.code(), null, actor));
        return new Listing(p, 1);
    }

    /** Applies the fields {@code form} carries, if {@code ifMatch} names the revision the merchant read. */
    public Listing update(String merchantId, String actor, String productId, String ifMatch, ProductForm form) {
        Listing current = get(merchantId, productId);
        long revision = EntityTags.expected(ifMatch, current.revision());
        validate(form, false);
        Product p = current.product();
        ProductStatus status = form.status() == null ? p.status() : ProductRules.parseStatus(form.status());
        if (current.moderatedBecause() != null && status == ProductStatus.ACTIVE && p.status() != ProductStatus.ACTIVE) {
            throw new UnprocessableException("moderated", "Taken out of the shop by the admins",
                    "The shop's admins archived this product: " + current.moderatedBecause() + " Ask them before publishing it again.");
        }
        if (!ProductRules.mayBecome(p.status(), status)) {
            throw new UnprocessableException("status-transition", "Status cannot change so",
                    "A " + p.status() + " product cannot become " + status + (p.status() == ProductStatus.ACTIVE
                            ? "; archive it to take it out of the shop." : "."));
        }
        String name = form.name() == null ? p.name() : form.name().strip();
        Product changed = new Product(p.productId(), p.merchantId(), form.sku() == null ? p.sku() : form.sku(), name,
                form.description() == null ? p.description() : form.description(),
                form.brandId() == null ? p.brandId() : blankToNull(form.brandId()),
                form.colour() == null ? p.colour() : blankToNull(form.colour()),
                form.categoryId() == null ? p.categoryId() : form.categoryId(),
                form.attributes() == null ? p.attributes() : form.attributes(),
                form.priceMinor() == null ? p.price() : Money.of(form.priceMinor(), ProductRules.CURRENCY),
                p.stockAvailable(), p.stockReserved(), status, p.images(), seo(form, p.seo(), name), p.createdAt(),
                clock.instant(), actor, p.version());
        requirePublishable(changed);
        return store.update(changed, p.sku(), revision);
    }

    public Removed delete(String merchantId, String actor, String productId, String ifMatch) {
        Listing current = get(merchantId, productId);
        long revision = EntityTags.expected(ifMatch, current.revision());
        Product p = current.product();
        if (p.status() == ProductStatus.DRAFT && p.stockAvailable() == 0 && p.stockReserved() == 0) {
            store.delete(p, revision);
            return new Removed(productId, true, null);
        }
        if (p.status() == ProductStatus.ARCHIVED) {
            return new Removed(productId, false, current);
        }
        Product archived = new Product(p.productId(), p.merchantId(), p.sku(), p.name(), p.description(), p.brandId(),
                p.colour(), p.categoryId(), p.attributes(), p.price(), p.stockAvailable(), p.stockReserved(),
                ProductStatus.ARCHIVED, p.images(), p.seo(), p.createdAt(), clock.instant(), actor, p.version());
        return new Removed(productId, false, store.update(archived, p.sku(), revision));
    }

    /** The category and brand ids a product may name, as read at {@code readAt}. */
    public record Known(Set<String> categoryIds, Set<String> brandIds, java.time.Instant readAt) {
    }

    /** How long the known ids are reused: an import's rows, one after the other, do not each read the tree again. */
    static final java.time.Duration KNOWN_FOR = java.time.Duration.ofSeconds(30);

    private volatile Known known;

    /** The category and brand ids that exist, read at most every {@link #KNOWN_FOR}. */
    public Known known() {
        Known k = known;
        if (k == null || k.readAt().plus(KNOWN_FOR).isBefore(clock.instant())) {
            k = new Known(categories.findAll().stream().map(Category::categoryId).collect(Collectors.toUnmodifiableSet()),
                    brands.findAll().stream().filter(b -> !b.retired()).map(Brand::brandId).collect(Collectors.toUnmodifiableSet()),
                    clock.instant());
            known = k;
        }
        return k;
    }

    private void validate(ProductForm form, boolean creating) {
        Known k = form.categoryId() == null && (form.brandId() == null || form.brandId().isEmpty()) ? null : known();
        // an id the ids read earlier lack may be new (an admin just made the category): read them again, at most once a second
        if (k != null && ((form.categoryId() != null && !k.categoryIds().contains(form.categoryId()))
                || (form.brandId() != null && !form.brandId().isEmpty() && !k.brandIds().contains(form.brandId())))
                && k.readAt().plusSeconds(1).isBefore(clock.instant())) {
            known = null;
            k = known();
        }
        Known checked = k;
        List<FieldError> errors = ProductRules.problems(form, creating, id -> checked != null && checked.categoryIds().contains(id),
                id -> checked != null && checked.brandIds().contains(id));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A product in the shop must say what it is: a published product needs a description. */
    private static void requirePublishable(Product p) {
        if (p.status() == ProductStatus.ACTIVE && (p.description() == null || p.description().isBlank())) {
            throw ValidationException.of("description", "Required to publish: tell shoppers what it is.");
        }
    }

    private static Seo seo(ProductForm form, Seo previous, String name) {
        String slug = form.slug() != null ? form.slug()
                : previous != null && previous.slug() != null ? previous.slug() : ProductRules.slugOf(name);
        String title = form.seoTitle() != null ? blankToNull(form.seoTitle()) : previous == null ? null : previous.title();
        String description = form.seoDescription() != null ? blankToNull(form.seoDescription())
                : previous == null ? null : previous.description();
        return new Seo(slug, title, description);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package shop.verdant.catalog;

import java.util.List;
import java.util.Map;
import shop.verdant.application.catalog.ViewProduct.ProductPage;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.SearchResult;

/** The JSON the catalog API returns. Prices go out as minor units with their currency. */
final class CatalogViews {
    private CatalogViews() {
    }

    static final int LOW_STOCK = 5;

    record Price(long amount, String currency) {
    }

    record Ref(String id, String name) {
    }

    record Summary(String id, String name, Ref brand, String colour, String categoryId, Price price,
                   String image, boolean inStock) {
    }

    record Page(List<Summary> items, int total, String nextCursor, SearchResult.Facets facets) {
    }

    record Stock(boolean inStock, Long onlyLeft) {
    }

    record Detail(String id, String sku, String name, String description, Ref brand, String colour,
                  Ref category, List<Ref> breadcrumb, Map<String, String> attributes, Price price,
                  List<String> images, Stock stock, Map<String, String> seo, String updatedAt,
                  List<Summary> related) {
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static Page page(SearchResult result, String nextCursor, BrandNames index, String imageBase) {
        return new Page(result.items().stream().map(i -> summary(i, index, imageBase)).toList(),
                result.total(), nextCursor, result.facets());
    }

    static Summary summary(CatalogItem i, BrandNames index, String imageBase) {
        return new Summary(i.productId(), i.name(), new Ref(i.brandId(), index.brandName(i.brandId())), i.colour(),
                i.categoryId(), new Price(i.priceMinor(), i.currency()),
                i.image() == null ? null : imageBase + i.image(), i.inStock());
    }

    static Detail detail(ProductPage page, String imageBase) {
        Product p = page.product();
        List<Ref> breadcrumb = page.breadcrumb().stream().map(c -> new Ref(c.categoryId(), c.name())).toList();
        Category category = page.breadcrumb().isEmpty() ? null : page.breadcrumb().get(page.breadcrumb().size() - 1);
        Map<String, String> seo = new java.util.LinkedHashMap<>();
        if (p.seo() != null) {
            putIfPresent(seo, "slug", p.seo().slug());
            putIfPresent(seo, "title", p.seo().title());
            putIfPresent(seo, "description", p.seo().description());
        }
        return new Detail(p.productId(), p.sku(), p.name(), p.description(), new Ref(p.brandId(), page.brandName()),
                p.colour(), category == null ? null : new Ref(category.categoryId(), category.name()), breadcrumb,
                p.attributes(), new Price(p.price().minor(), p.price().currency()),
                p.images().stream().map(k -> imageBase + k).toList(),
                new Stock(p.inStock(), p.inStock() && p.stockAvailable() <= LOW_STOCK ? p.stockAvailable() : null),
                seo, p.updatedAt() == null ? null : p.updatedAt().toString(),
                page.related().stream().map(i -> summary(i, page.labels(), imageBase)).toList());
    }
}

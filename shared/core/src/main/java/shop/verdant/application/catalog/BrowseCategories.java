package shop.verdant.application.catalog;

import java.util.Comparator;
import java.util.List;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.CategoryTree;

/** The category tree and the brand list, read through the cache. */
public final class BrowseCategories {
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final CatalogCache cache;

    public BrowseCategories(CategoryRepository categories, BrandRepository brands, CatalogCache cache) {
        this.categories = categories;
        this.brands = brands;
        this.cache = cache;
    }

    public List<CategoryTree.Node> tree() {
        return cache.categoryTree().orElseGet(() -> {
            List<CategoryTree.Node> roots = CategoryTree.of(categories.findAll()).roots();
            cache.putCategoryTree(roots);
            return roots;
        });
    }

    /** The brands on offer (retired ones left out), by name. */
    public List<Brand> offeredBrands() {
        return brands().stream().filter(b -> !b.retired()).toList();
    }

    /** Every brand, retired ones too (products keep the name of a brand that retired), by name. */
    public List<Brand> brands() {
        return cache.brands().orElseGet(() -> {
            List<Brand> all = brands.findAll().stream()
                    .sorted(Comparator.comparing(Brand::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            cache.putBrands(all);
            return all;
        });
    }

    /** The category tree as one object, for a search backend that does not keep its own. */
    public CategoryTree categoryTree() {
        return CategoryTree.of(CategoryTree.flatten(tree()));
    }

    /** Brand names by id, from {@link #brands}. */
    public shop.verdant.domain.catalog.search.BrandNames brandNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        brands().forEach(b -> names.put(b.brandId(), b.name()));
        return id -> names.getOrDefault(id, id);
    }
}

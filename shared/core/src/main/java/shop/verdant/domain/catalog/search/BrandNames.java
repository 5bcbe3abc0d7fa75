package shop.verdant.domain.catalog.search;

/** Display names of brands, by id (the id itself for a brand it does not know). */
@FunctionalInterface
public interface BrandNames {
    String brandName(String brandId);
}

package shop.verdant.domain.catalog;

/**
 * A brand products are made by. A {@code retired} brand is no longer offered: the shop's brand list and a merchant's
 * choices leave it out, while products that carry it keep its name.
 */
public record Brand(String brandId, String name, boolean retired) {
    public Brand(String brandId, String name) {
        this(brandId, name, false);
    }
}

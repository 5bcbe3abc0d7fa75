package shop.verdant.domain.catalog;

public record Brand(String brandId, String name) {
}

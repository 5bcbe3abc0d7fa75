package shop.verdant.domain.catalog;

public record Seo(String slug, String title, String description) {
}

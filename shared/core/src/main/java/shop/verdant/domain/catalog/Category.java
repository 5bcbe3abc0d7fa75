package shop.verdant.domain.catalog;

/** A node of the category tree; {@code parentId} is null for a top-level category. */
public record Category(String categoryId, String parentId, String name, int position) {
}

package shop.verdant.application.admin.port;

/** The products of a category (the Products table's {@code byCategory} index), as admins reshape the tree. */
public interface CategoryProducts {
    /** How many products (of any status) are in exactly this category. */
    int count(String categoryId);

    /** Moves every product of {@code from} into {@code to} (a listing change: its revision moves); answers how many. */
    int reassign(String from, String to);
}

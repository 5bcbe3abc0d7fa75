package shop.verdant.domain.admin;

import java.text.Normalizer;
import java.util.Locale;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;

/** The rules of changing the category tree: names, new ids, and moves that never make a cycle. */
public final class CategoryChanges {
    private CategoryChanges() {
    }

    /** A category's name as shoppers read it: 2 to 60 characters, spaces tidied; a 400 naming {@code name} otherwise. */
    public static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > 60) {
            throw ValidationException.of("name", "The category's name, 2 to 60 characters.");
        }
        return name;
    }

    /** {@code <name in a-z0-9->-<suffix>}: readable in URLs, and two categories of one name still differ. */
    public static String idFor(String name, String suffix) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-$", "");
        }
        return (slug.isEmpty() ? "category" : slug) + "-" + suffix;
    }

    /**
     * Whether {@code categoryId} may go under {@code newParent} (null: the top level): the parent must be in the tree
     * and neither the category itself nor one of its descendants, which would cut the subtree off in a cycle.
     */
    public static void checkMove(CategoryTree tree, String categoryId, String newParent, String field) {
        if (newParent == null) {
            return;
        }
        if (!tree.contains(newParent)) {
            throw ValidationException.of(field, "No category " + newParent + ".");
        }
        if (tree.subtree(categoryId).contains(newParent)) {
            throw new UnprocessableException("category-cycle", "That would make a cycle",
                    newParent.equals(categoryId) ? "A category cannot go under itself."
                            : newParent + " is inside " + categoryId + ": a category cannot go under its own subcategory.");
        }
    }
}

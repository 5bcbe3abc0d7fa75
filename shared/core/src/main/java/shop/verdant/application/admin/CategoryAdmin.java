package shop.verdant.application.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.port.CategoryProducts;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.admin.CategoryChanges;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;

/**
 * Admins run the category tree: create, rename, move (never into its own subtree), delete. A category with products or
 * subcategories moves only when the admin says its contents go with it, and is deleted only into another category that
 * takes them. Writes reach the shop through the tables' streams: the Categories stream evicts the cached tree and has
 * search reload (facets and subtree filters follow), the Products stream republishes each reassigned product.
 */
public final class CategoryAdmin {
    private final CategoryRepository categories;
    private final CategoryProducts products;
    private final Supplier<String> suffixes;

    public CategoryAdmin(CategoryRepository categories, CategoryProducts products, Supplier<String> suffixes) {
        this.categories = categories;
        this.products = products;
        this.suffixes = suffixes;
    }

    /** A category with what it holds: its products (exactly there) and subcategories. */
    public record Row(String categoryId, String parentId, String name, int position, int depth, int products, int children) {
    }

    /** The tree in order (each category after its parent), with counts. */
    public List<Row> list() {
        CategoryTree tree = CategoryTree.of(categories.findAll());
        List<Row> out = new ArrayList<>();
        for (String id : tree.allIds()) {
            Category c = tree.get(id);
            out.add(new Row(id, c.parentId(), c.name(), c.position(), depth(tree, c), products.count(id), tree.childIds(id).size()));
        }
        return out;
    }

    private static int depth(CategoryTree tree, Category c) {
        int d = 0;
        for (String p = c.parentId(); p != null && tree.get(p) != null && d < 64; p = tree.get(p).parentId()) {
            d++;
        }
        return d;
    }

    public Category create(String name, String parentId) {
        String n = CategoryChanges.name(name);
        CategoryTree tree = CategoryTree.of(categories.findAll());
        String parent = blankToNull(parentId);
        if (parent != null && !tree.contains(parent)) {
            throw ValidationException.of("parentId", "No category " + parent + ".");
        }
        int position = parent == null ? tree.roots().size() : tree.childIds(parent).size();
        Category c = new Category(CategoryChanges.idFor(n, suffixes.get()), parent, n, position);
        categories.save(c);
        return c;
    }

    /**
     * Renames or moves a category ({@code parentId} "" for the top level, absent to stay). A move of a category that
     * holds products or subcategories needs {@code withContents}: they move with it.
     */
    public Category update(String categoryId, String name, String parentId, boolean parentGiven, Integer position,
                           boolean withContents) {
        CategoryTree tree = CategoryTree.of(categories.findAll());
        Category c = existing(tree, categoryId);
        String n = name == null ? c.name() : CategoryChanges.name(name);
        String parent = parentGiven ? blankToNull(parentId) : c.parentId();
        boolean moves = !java.util.Objects.equals(parent, c.parentId());
        if (moves) {
            CategoryChanges.checkMove(tree, categoryId, parent, "parentId");
            int held = products.count(categoryId);
            int children = tree.childIds(categoryId).size();
            if ((held > 0 || children > 0) && !withContents) {
                throw new ConflictException("category-in-use", "The category holds things",
                        c.name() + " holds " + held + " product" + (held == 1 ? "" : "s") + " and " + children + " subcategor"
                                + (children == 1 ? "y" : "ies") + ": move it with them (withContents: true).",
                        Map.of("products", held, "children", children));
            }
        }
        if (position != null && (position < 0 || position > 10_000)) {
            throw ValidationException.of("position", "0 to 10000.");
        }
        int pos = position != null ? position : moves ? (parent == null ? tree.roots().size() : tree.childIds(parent).size()) : c.position();
        Category updated = new Category(c.categoryId(), parent, n, pos);
        categories.save(updated);
        return updated;
    }

    /** What a deletion did: where the products and subcategories went. */
    public record Deleted(String categoryId, String reassignedTo, int products, int children) {
    }

    /** Deletes a category; one that holds products or subcategories only into {@code reassignTo}, which takes them. */
    public Deleted delete(String categoryId, String reassignTo) {
        CategoryTree tree = CategoryTree.of(categories.findAll());
        Category c = existing(tree, categoryId);
        String to = blankToNull(reassignTo);
        int held = products.count(categoryId);
        List<String> children = tree.childIds(categoryId);
        if (to == null && (held > 0 || !children.isEmpty())) {
            throw new ConflictException("category-in-use", "The category holds things",
                    c.name() + " holds " + held + " product" + (held == 1 ? "" : "s") + " and " + children.size() + " subcategor"
                            + (children.size() == 1 ? "y" : "ies") + ": name the category that takes them (reassignTo).",
                    Map.of("products", held, "children", children.size()));
        }
        if (to != null) {
            CategoryChanges.checkMove(tree, categoryId, to, "reassignTo");
        }
        int position = to == null ? 0 : tree.childIds(to).size();
        for (String child : children) {
            Category k = tree.get(child);
            categories.save(new Category(k.categoryId(), to, k.name(), position++));
        }
        int moved = to == null ? 0 : products.reassign(categoryId, to);
        categories.delete(categoryId);
        return new Deleted(categoryId, to, moved, children.size());
    }

    private static Category existing(CategoryTree tree, String categoryId) {
        Category c = categoryId == null ? null : tree.get(categoryId);
        if (c == null) {
            throw new NotFoundException("No category " + categoryId + ".");
        }
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

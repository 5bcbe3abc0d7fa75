package shop.verdant.domain.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The category tree, built by depth-first search from the flat parentId list. Children are ordered by
 * position, then name. A category whose parent is unknown, or that sits on a parent cycle, is left out
 * of the tree rather than breaking it: a bad admin edit must not take the storefront down.
 */
public final class CategoryTree {

    /** A category with its children, as the storefront's navigation shows it. */
    public record Node(String categoryId, String name, int depth, List<Node> children) {
    }

    private final Map<String, Category> byId;
    private final Map<String, List<Category>> childrenOf;
    private final List<Node> roots;
    /** Every reachable category in DFS pre-order: a subtree is a contiguous run of this list. */
    private final List<String> preorder;
    private final Map<String, int[]> subtreeRange;

    private CategoryTree(Map<String, Category> byId, Map<String, List<Category>> childrenOf) {
        this.byId = byId;
        this.childrenOf = childrenOf;
        this.preorder = new ArrayList<>();
        this.subtreeRange = new HashMap<>();
        List<Node> built = new ArrayList<>();
        for (Category root : childrenOf.getOrDefault(null, List.of())) {
            built.add(visit(root, 0, new LinkedHashSet<>()));
        }
        this.roots = List.copyOf(built);
    }

    public static CategoryTree of(List<Category> categories) {
        Map<String, Category> byId = new HashMap<>();
        for (Category c : categories) {
            byId.put(c.categoryId(), c);
        }
        Map<String, List<Category>> childrenOf = new HashMap<>();
        Comparator<Category> order = Comparator.comparingInt(Category::position).thenComparing(Category::name);
        for (Category c : categories) {
            childrenOf.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        childrenOf.values().forEach(list -> list.sort(order));
        return new CategoryTree(byId, childrenOf);
    }

    private Node visit(Category category, int depth, Set<String> onPath) {
        onPath.add(category.categoryId());
        int start = preorder.size();
        preorder.add(category.categoryId());
        List<Node> children = new ArrayList<>();
        for (Category child : childrenOf.getOrDefault(category.categoryId(), List.of())) {
            if (!onPath.contains(child.categoryId())) {
                children.add(visit(child, depth + 1, onPath));
            }
        }
        onPath.remove(category.categoryId());
        subtreeRange.put(category.categoryId(), new int[] {start, preorder.size()});
        return new Node(category.categoryId(), category.name(), depth, List.copyOf(children));
    }

    /** The flat categories a tree was built from, recovered from its nodes (positions renumbered). */
    public static List<Category> flatten(List<Node> roots) {
        List<Category> out = new ArrayList<>();
        flatten(roots, null, out);
        return out;
    }

    private static void flatten(List<Node> nodes, String parentId, List<Category> out) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            out.add(new Category(n.categoryId(), parentId, n.name(), i));
            flatten(n.children(), n.categoryId(), out);
        }
    }

    public List<Node> roots() {
        return roots;
    }

    public boolean contains(String categoryId) {
        return subtreeRange.containsKey(categoryId);
    }

    public Category get(String categoryId) {
        return contains(categoryId) ? byId.get(categoryId) : null;
    }

    /** The category and all its descendants, in DFS order. */
    public List<String> subtree(String categoryId) {
        int[] range = subtreeRange.get(categoryId);
        return range == null ? List.of() : Collections.unmodifiableList(preorder.subList(range[0], range[1]));
    }

    /** Reachable categories in DFS pre-order. */
    public List<String> allIds() {
        return Collections.unmodifiableList(preorder);
    }

    /** The categories a category facet counts: the chosen one's children, or the top level when none is chosen. */
    public List<String> facetIds(String selected) {
        return selected == null ? roots().stream().map(Node::categoryId).toList() : childIds(selected);
    }

    public List<String> childIds(String categoryId) {
        List<String> ids = new ArrayList<>();
        for (Category c : childrenOf.getOrDefault(categoryId, List.of())) {
            if (contains(c.categoryId())) {
                ids.add(c.categoryId());
            }
        }
        return ids;
    }

    /** Root-first path to the category, itself included: the breadcrumb. */
    public List<Category> path(String categoryId) {
        Deque<Category> path = new ArrayDeque<>();
        Category current = get(categoryId);
        while (current != null && path.size() <= byId.size()) {
            path.addFirst(current);
            current = current.parentId() == null ? null : get(current.parentId());
        }
        return List.copyOf(path);
    }

    public String parentOf(String categoryId) {
        Category c = get(categoryId);
        return c == null ? null : c.parentId();
    }

    public int size() {
        return preorder.size();
    }
}

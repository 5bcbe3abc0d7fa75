package shop.verdant.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.verdant.testing.CatalogFixtures;

class CategoryTreeTest {
    private final CategoryTree tree = CategoryTree.of(CatalogFixtures.CATEGORIES);

    @Test
    void buildsTheTreeDepthFirstInPositionOrder() {
        assertThat(tree.roots()).extracting(CategoryTree.Node::categoryId).containsExactly("kitchen", "bath");
        assertThat(tree.allIds()).containsExactly("kitchen", "drinkware", "bottles", "cups", "bath", "oral-care", "toothbrushes");
        assertThat(tree.roots().get(0).children().get(0).children()).extracting(CategoryTree.Node::depth).containsOnly(2);
    }

    @Test
    void subtreeAndPath() {
        assertThat(tree.subtree("drinkware")).containsExactly("drinkware", "bottles", "cups");
        assertThat(tree.subtree("cups")).containsExactly("cups");
        assertThat(tree.path("toothbrushes")).extracting(Category::categoryId).containsExactly("bath", "oral-care", "toothbrushes");
        assertThat(tree.childIds(null)).containsExactly("kitchen", "bath");
    }

    @Test
    void orphansAndCyclesAreLeftOutInsteadOfBreakingTheTree() {
        CategoryTree broken = CategoryTree.of(List.of(
                new Category("a", null, "A", 0),
                new Category("b", "missing", "Orphan", 0),
                new Category("c", "d", "C", 0),
                new Category("d", "c", "D", 0)));
        assertThat(broken.allIds()).containsExactly("a");
        assertThat(broken.contains("b")).isFalse();
        assertThat(broken.path("c")).isEmpty();
    }

    @Test
    void flattenRecoversTheCategoriesOfATree() {
        CategoryTree again = CategoryTree.of(CategoryTree.flatten(tree.roots()));
        assertThat(again.roots()).isEqualTo(tree.roots());
    }
}

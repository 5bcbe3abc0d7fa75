package shop.verdant.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;

/** Moves that keep the category tree a tree, and the names and ids of new categories. */
class CategoryChangesTest {
    static final CategoryTree TREE = CategoryTree.of(List.of(new Category("home", null, "Home", 0),
            new Category("kitchen", "home", "Kitchen", 0), new Category("cups", "kitchen", "Cups", 0),
            new Category("garden", null, "Garden", 1)));

    @Test
    void aCategoryNeverGoesUnderItselfOrItsOwnSubcategories() {
        assertThatThrownBy(() -> CategoryChanges.checkMove(TREE, "home", "cups", "parentId"))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.getMessage()).contains("cups is inside home"));
        assertThatThrownBy(() -> CategoryChanges.checkMove(TREE, "kitchen", "kitchen", "parentId")).isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> CategoryChanges.checkMove(TREE, "kitchen", "attic", "parentId"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("parentId"));
        CategoryChanges.checkMove(TREE, "kitchen", "garden", "parentId");   // a sibling subtree: fine
        CategoryChanges.checkMove(TREE, "cups", "home", "parentId");        // up to an ancestor: fine
        CategoryChanges.checkMove(TREE, "cups", null, "parentId");          // the top level: fine
    }

    @Test
    void namesAreTidiedAndIdsReadable() {
        assertThat(CategoryChanges.name("  Zero   Waste ")).isEqualTo("Zero Waste");
        assertThatThrownBy(() -> CategoryChanges.name("x")).isInstanceOf(ValidationException.class);
        assertThat(CategoryChanges.idFor("Café & Bar", "k3x9")).isEqualTo("cafe-bar-k3x9");
        assertThat(CategoryChanges.idFor("!!!", "k3x9")).isEqualTo("category-k3x9");
    }
}

package shop.verdant.domain.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.FieldError;

class ProductRulesTest {
    static final ProductForm GOOD = new ProductForm("VG-1", "Bamboo Cup", "A cup.", 1299L, "EUR", "cups", "terra", "natural",
            Map.of("material", "bamboo"), null, null, null, null);

    private static List<String> fields(ProductForm form, boolean creating) {
        return ProductRules.problems(form, creating, "cups"::equals, "terra"::equals).stream().map(FieldError::field).toList();
    }

    @Test
    void aGoodProductHasNoProblems() {
        assertThat(fields(GOOD, true)).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ProductForm bad = new ProductForm("bad sku!", "ab", "x".repeat(5001), 0L, "USD", "nowhere", "nobody", "mauve",
                Map.of("material", "", "flavour", "mint"), "Not A Slug", "t".repeat(71), "d".repeat(161), "LIVE");
        assertThat(fields(bad, true)).containsExactlyInAnyOrder("sku", "name", "description", "priceMinor", "currency",
                "categoryId", "brandId", "colour", "attributes.flavour", "attributes.material", "slug", "seoTitle",
                "seoDescription", "status");
    }

    @Test
    void aCreateNeedsSkuNamePriceAndCategory_aChangeOnlyWhatItSends() {
        ProductForm empty = new ProductForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty, true)).containsExactlyInAnyOrder("sku", "name", "categoryId", "priceMinor");
        assertThat(fields(empty, false)).containsExactly("body");
        assertThat(fields(new ProductForm(null, null, null, 1L, null, null, null, null, null, null, null, null, null), false)).isEmpty();
        assertThat(fields(new ProductForm(null, null, null, 10_000_001L, null, null, null, null, null, null, null, null, null), false))
                .containsExactly("priceMinor");
    }

    @Test
    void publishedProductsNeverGoBackToDraft() {
        assertThat(ProductRules.mayBecome(ProductStatus.DRAFT, ProductStatus.ACTIVE)).isTrue();
        assertThat(ProductRules.mayBecome(ProductStatus.ACTIVE, ProductStatus.ARCHIVED)).isTrue();
        assertThat(ProductRules.mayBecome(ProductStatus.ARCHIVED, ProductStatus.ACTIVE)).isTrue();
        assertThat(ProductRules.mayBecome(ProductStatus.ACTIVE, ProductStatus.DRAFT)).isFalse();
        assertThat(ProductRules.mayBecome(ProductStatus.ARCHIVED, ProductStatus.DRAFT)).isFalse();
    }

    @Test
    void slugsAreAsciiWordsJoinedByHyphens() {
        assertThat(ProductRules.slugOf("Bamboo Cup – 350 ml")).isEqualTo("bamboo-cup-350-ml");
        assertThat(ProductRules.slugOf("Crème brûlée  Set!")).isEqualTo("creme-brulee-set");
        assertThat(ProductRules.slugOf("日本")).isEqualTo("product");
    }
}

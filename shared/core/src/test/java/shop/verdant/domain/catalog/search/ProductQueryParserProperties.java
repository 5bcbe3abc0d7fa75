package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import shop.verdant.domain.common.ValidationException;

/** Fuzzes the query parser: no query string makes it fail with anything but a 400-worthy ValidationException. */
class ProductQueryParserProperties {
    private final ProductQueryParser parser = new ProductQueryParser(new PageCursor(shop.verdant.domain.common.Keyring.parse(shop.verdant.domain.common.Keyring.generate("t1"))));

    /** Whatever arrives in the query string, the parser answers with a query or a ValidationException. */
    @Property(tries = 2000)
    void neverFailsWithAnythingButAValidationError(@ForAll("queryStrings") Map<String, List<String>> raw) {
        try {
            ProductQuery q = parser.parse(raw).query();
            assertThat(q.limit()).isBetween(1, ProductQuery.MAX_LIMIT);
            assertThat(q.offset()).isGreaterThanOrEqualTo(0);
            if (q.text() != null) {
                assertThat(q.text().length()).isLessThanOrEqualTo(ProductQuery.MAX_TEXT_LENGTH);
            }
            if (q.minPrice() != null && q.maxPrice() != null) {
                assertThat(q.minPrice()).isLessThanOrEqualTo(q.maxPrice());
            }
        } catch (ValidationException e) {
            assertThat(e.errors()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<Map<String, List<String>>> queryStrings() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("q", "category", "brand", "colour", "minPrice", "maxPrice", "sort", "limit", "cursor",
                        "attr.material", "attr.", "attr.x y", ""),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(260),
                Arbitraries.strings().withChars("0123456789-.,").ofMaxLength(25),
                Arbitraries.of("relevance", "price_asc", "0", "100", "101", "-1", "99999999999999999999", ",", "a,b,,c",
                        "MjQ6YWJj.AAAA", ".", "%00", "\u0000", "bamboo"));
        return Arbitraries.maps(names, values.list().ofMinSize(1).ofMaxSize(3)).ofMaxSize(6);
    }
}

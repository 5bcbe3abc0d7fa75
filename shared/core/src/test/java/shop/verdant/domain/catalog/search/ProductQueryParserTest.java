package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

class ProductQueryParserTest {
    private final ProductQueryParser parser = new ProductQueryParser(new PageCursor(shop.verdant.domain.common.Keyring.parse(shop.verdant.domain.common.Keyring.generate("t1"))));

    private static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return out;
    }

    private List<String> badFields(Map<String, List<String>> p) {
        try {
            parser.parse(p);
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected a ValidationException for " + p);
    }

    @Test
    void parsesEveryFilter() {
        ProductQuery q = parser.parse(params("q", "bamboo cup", "category", "cups", "brand", "terra,ocean",
                "brand", "bambu", "colour", "green", "minPrice", "500", "maxPrice", "2500", "attr.material", "bamboo,cork",
                "sort", "price_desc", "limit", "12", "utm_source", "newsletter")).query();
        assertThat(q.text()).isEqualTo("bamboo cup");
        assertThat(q.categoryId()).isEqualTo("cups");
        assertThat(q.brands()).containsExactlyInAnyOrder("terra", "ocean", "bambu");
        assertThat(q.colours()).containsExactly("green");
        assertThat(q.minPrice()).isEqualTo(500L);
        assertThat(q.maxPrice()).isEqualTo(2500L);
        assertThat(q.attributes()).isEqualTo(Map.of("material", Set.of("bamboo", "cork")));
        assertThat(q.sort()).isEqualTo(SortOrder.PRICE_DESC);
        assertThat(q.limit()).isEqualTo(12);
        assertThat(q.offset()).isZero();
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        ProductQuery q = parser.parse(Map.of()).query();
        assertThat(q.text()).isNull();
        assertThat(q.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(q.limit()).isEqualTo(ProductQuery.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @CsvSource({
            "limit, 0, limit", "limit, 101, limit", "limit, ten, limit", "limit, -1, limit",
            "sort, foo, sort", "minPrice, -5, minPrice", "maxPrice, 1.5, maxPrice",
            "cursor, garbage, cursor", "category, 'Not An Id', category", "brand, 'UPPER', brand",
            "attr.bad name, x, attr.bad name"})
    void rejectsBadValuesNamingTheParameter(String name, String value, String field) {
        assertThat(badFields(params(name, value))).containsExactly(field);
    }

    @Test
    void rejectsMinAboveMaxAndOverlongText() {
        assertThat(badFields(params("minPrice", "3000", "maxPrice", "1000"))).containsExactly("minPrice");
        assertThat(badFields(params("q", "x".repeat(201)))).containsExactly("q");
        assertThat(parser.parse(params("q", "x".repeat(200))).query().text()).hasSize(200);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(badFields(params("limit", "0", "sort", "foo", "q", "a", "q", "b")))
                .containsExactlyInAnyOrder("limit", "sort", "q");
    }

    @Test
    void cursorRoundTripsAndIsBoundToItsQuery() {
        ProductQueryParser.Parsed first = parser.parse(params("q", "bamboo", "sort", "price_asc"));
        String cursor = parser.nextCursor(first, 24);
        assertThat(parser.parse(params("q", "bamboo", "sort", "price_asc", "cursor", cursor)).query().offset()).isEqualTo(24);
        // Page size may change between pages; the search itself may not.
        assertThat(parser.parse(params("q", "bamboo", "sort", "price_asc", "limit", "48", "cursor", cursor)).query().offset())
                .isEqualTo(24);
        assertThat(badFields(params("q", "glass", "sort", "price_asc", "cursor", cursor))).containsExactly("cursor");
        String tampered = cursor.substring(0, 2) + (cursor.charAt(2) == 'A' ? 'B' : 'A') + cursor.substring(3);
        assertThat(badFields(params("q", "bamboo", "sort", "price_asc", "cursor", tampered))).containsExactly("cursor");
        ProductQueryParser otherKey = new ProductQueryParser(new PageCursor(shop.verdant.domain.common.Keyring.parse(shop.verdant.domain.common.Keyring.generate("t1"))));
        assertThatThrownBy(() -> otherKey.parse(params("q", "bamboo", "sort", "price_asc", "cursor", cursor)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void noNextCursorOnTheLastPage() {
        assertThat(parser.nextCursor(parser.parse(Map.of()), null)).isNull();
    }
}

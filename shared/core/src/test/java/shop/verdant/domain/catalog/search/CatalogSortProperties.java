package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast sort orders of the index are the orders their comparators define: names, then prices and ages. */
class CatalogSortProperties {

    @Provide
    Arbitrary<List<CatalogItem>> catalogs() {
        Arbitrary<String> names = Arbitraries.of("Bamboo brush", "bamboo Brush", "BAMBOO BRUSH", "Äpfel", "äpfel", "cup",
                "Cup", "zeta", "Ωmega", "ωmega", "straw 2", "straw 10", "ß tote", "SS tote", "");
        Arbitrary<CatalogItem> item = Combinators.combine(Arbitraries.integers().between(0, 9999), names,
                Arbitraries.longs().between(0, 5000), Arbitraries.longs().between(0, 20)).as((id, name, price, day) ->
                new CatalogItem("p" + id, name, null, null, null, null, Map.of(), price, "EUR", null, day * 86_400_000L, true));
        return item.list().ofMaxSize(60).uniqueElements(CatalogItem::productId);
    }

    private static int[] byComparator(CatalogItem[] docs, Comparator<Integer> comparator) {
        return Arrays.stream(java.util.stream.IntStream.range(0, docs.length).boxed().sorted(comparator).toArray(Integer[]::new))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] ranks(int[] order) {
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    @Property(tries = 300)
    void nameOrderIsCaseInsensitiveNameThenId(@ForAll("catalogs") List<CatalogItem> items) {
        CatalogItem[] docs = items.toArray(CatalogItem[]::new);
        int[] expected = byComparator(docs, Comparator.comparing((Integer d) -> docs[d].name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(d -> docs[d].productId()));
        assertThat(CatalogIndex.nameOrder(docs)).containsExactly(expected);
    }

    @Property(tries = 300)
    void priceAndNewestOrdersAreKeyThenName(@ForAll("catalogs") List<CatalogItem> items) {
        CatalogItem[] docs = items.toArray(CatalogItem[]::new);
        int[] nameOrder = CatalogIndex.nameOrder(docs);
        int[] nameRank = ranks(nameOrder);
        long[] price = Arrays.stream(docs).mapToLong(CatalogItem::priceMinor).toArray();
        long[] age = Arrays.stream(docs).mapToLong(d -> -d.createdAtMillis()).toArray();
        // a key span too wide to pack takes the comparator path: both must agree with the definition
        long[] wide = Arrays.stream(docs).mapToLong(d -> d.priceMinor() % 2 == 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2).toArray();
        for (long[] key : List.of(price, age, wide)) {
            int[] expected = byComparator(docs, Comparator.comparingLong((Integer d) -> key[d]).thenComparingInt(d -> nameRank[d]));
            assertThat(CatalogIndex.orderThenByName(key, nameRank, nameOrder)).containsExactly(expected);
        }
    }
}

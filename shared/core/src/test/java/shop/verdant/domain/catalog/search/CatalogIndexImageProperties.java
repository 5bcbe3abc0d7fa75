package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.RandomCatalogs;

/** An index read back from its image answers every query as the index it was written from. */
class CatalogIndexImageProperties {

    @Property(tries = 60)
    void anIndexFromItsImageAnswersAsTheBuiltOne(@ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed) {
        Random r = new Random(seed);
        List<CatalogItem> items = RandomCatalogs.items(r, size);
        CatalogIndex built = CatalogIndex.build(7, items, CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
        CatalogIndex read = CatalogIndexImage.read(CatalogIndexImage.write(built), CategoryTree.of(CatalogFixtures.CATEGORIES),
                CatalogFixtures.BRANDS);
        assertThat(read.version()).isEqualTo(7);
        assertThat(read.size()).isEqualTo(built.size());
        for (int k = 0; k < 15; k++) {
            ProductQuery q = RandomCatalogs.query(r);
            assertThat(read.search(q)).as("%s", q).isEqualTo(built.search(q));
        }
        for (int k = 0; k < 3 && size > 0; k++) {
            String id = "p" + r.nextInt(size);
            assertThat(read.related(id, 6)).isEqualTo(built.related(id, 6));
        }
    }

    @Property(tries = 20)
    void anImageOfAnotherFormatIsNotRead(@ForAll int format) {
        net.jqwik.api.Assume.that(format != CatalogIndexImage.FORMAT);
        byte[] image = CatalogIndexImage.write(CatalogIndex.build(1, List.of(), CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS));
        java.nio.ByteBuffer.wrap(image).putInt(0, format);
        assertThat(CatalogIndexImage.read(image, CategoryTree.of(CatalogFixtures.CATEGORIES), CatalogFixtures.BRANDS)).isNull();
    }
}

package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CatalogItemCodecProperties {

    @Provide
    Arbitrary<CatalogItem> items() {
        // any character outside the surrogate range (lone surrogates are not text)
        net.jqwik.api.arbitraries.StringArbitrary text = Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff').ofMaxLength(60);
        Arbitrary<String> maybe = text.injectNull(0.2);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(text.ofMinLength(1), text).ofMaxSize(6);
        return Combinators.combine(text.ofMinLength(1), text, maybe, maybe, maybe, maybe, attributes,
                Arbitraries.longs()).as((id, name, description, brand, colour, category, attrs, price) ->
                new CatalogItem(id, name, description, brand, colour, category, attrs, price, "EUR",
                        price % 3 == 0 ? null : "images/" + id + "/main.svg", Math.abs(price % 10_000_000_000L), price % 2 == 0));
    }

    @Property(tries = 500)
    void decodingWhatWasEncodedGivesTheSameItem(@ForAll("items") CatalogItem item) {
        assertThat(CatalogItemCodec.decode(CatalogItemCodec.encode(item))).isEqualTo(item);
    }

    @Property(tries = 200)
    void aTruncatedOrExtendedValueIsRefused_neverMisread(@ForAll("items") CatalogItem item) {
        byte[] bytes = CatalogItemCodec.encode(item);
        assertThatThrownBy(() -> CatalogItemCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogItemCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> CatalogItemCodec.decode(otherFormat)).hasMessageContaining("format");
    }
}

package shop.verdant.domain.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

class ImportTemplateTest {

    @Test
    void headersMatchIgnoringCaseSpacesUnderscoresAndAByteOrderMark() {
        Map<String, Integer> at = ImportTemplate.header(List.of("\uFEFF SKU ", "Name", "PRICE", "Category", "Stock_", " brand - "));
        assertThat(at).containsEntry("sku", 0).containsEntry("name", 1).containsEntry("price", 2).containsEntry("category", 3)
                .containsEntry("stock", 4).containsEntry("brand", 5);
    }

    @Test
    void anIdColumnUnknownColumnsDuplicatesAndMissingOnesAreEachNamed() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> ImportTemplate.header(List.of("id", "sku", "Prise", "SKU", "category")));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("header.id", "header.Prise", "header.sku", "header.name", "header.price");
        assertThat(e.errors().get(0).message()).contains("matched by your SKU");
    }

    @Test
    void cellsBecomeAProduct_orTheirProblems() {
        Map<String, Integer> at = ImportTemplate.header(List.of("sku", "name", "price", "category", "stock", "material", "status"));
        List<RowError> errors = new ArrayList<>();
        ImportRow row = ImportTemplate.row(2, List.of("ZÜ-1", "Bürste „Öko“, 3 Stück", "4,50", "brushes", "12", "beech", "active"), at, errors);
        assertThat(errors).isEmpty();
        assertThat(row.form().priceMinor()).isEqualTo(450);
        assertThat(row.form().name()).isEqualTo("Bürste „Öko“, 3 Stück");
        assertThat(row.form().status()).isEqualTo("ACTIVE");
        assertThat(row.form().attributes()).containsEntry("material", "beech");
        assertThat(row.stock()).isEqualTo(12);
        assertThat(ImportTemplate.row(3, List.of("X", "Cup", "12.999", "cups", "-1"), at, errors)).isNull();
        assertThat(errors).extracting(RowError::column).containsExactly("price", "stock");
        assertThat(errors).allMatch(r -> r.row() == 3);
        // a short row is missing its last cells, not an error of its own (the required ones are checked against the catalog)
        assertThat(ImportTemplate.row(4, List.of("Y", "Mug", "9"), at, errors).form().categoryId()).isNull();
    }

    /** Whatever a cell holds, a row is a row or its problems: never anything else. */
    @Property(tries = 300)
    void anyCellsAreARowOrNamedProblems(@ForAll @Size(max = 9) List<String> cells) {
        Map<String, Integer> at = ImportTemplate.header(ImportTemplate.COLUMNS);
        List<RowError> errors = new ArrayList<>();
        ImportRow row = ImportTemplate.row(2, cells, at, errors);
        assertThat(row == null).isEqualTo(!errors.isEmpty());
        errors.forEach(e -> assertThat(ImportTemplate.COLUMNS).contains(e.column()));
    }
}

package shop.verdant.domain.backoffice;

/** One row of an import that passed validation: its line in the file, the product it describes, the stock to set (or none). */
public record ImportRow(int row, ProductForm form, Long stock) {
}

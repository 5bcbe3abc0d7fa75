package shop.verdant.domain.backoffice;

/** What is wrong with one row of an import: its row number (the header is row 1), the column, and why. */
public record RowError(int row, String column, String message) {
}

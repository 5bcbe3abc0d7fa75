package shop.verdant.domain.common;

/** One invalid input field: which one and why, phrased for the API caller. */
public record FieldError(String field, String message) {
}

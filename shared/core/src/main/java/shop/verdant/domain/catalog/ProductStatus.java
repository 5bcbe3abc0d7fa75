package shop.verdant.domain.catalog;

/** Only ACTIVE products are visible to shoppers; DRAFT and ARCHIVED exist for their merchant only. */
public enum ProductStatus { DRAFT, ACTIVE, ARCHIVED }

package shop.verdant.domain.catalog;

/**
 * Only ACTIVE products are visible to shoppers; DRAFT and ARCHIVED exist for their merchant only. SUSPENDED is an
 * ACTIVE product of a merchant an admin suspended: out of the shop until the merchant is reinstated (only admins set
 * or clear it).
 */
public enum ProductStatus { DRAFT, ACTIVE, ARCHIVED, SUSPENDED }

package shop.verdant.domain.backoffice;

import java.util.Map;

/**
 * What a merchant sends to create or change a product: on a create the required fields must be there; on a change
 * every field is optional and only the fields present change ({@code null} = leave as it is). Never a merchant id
 * (that comes from the token), never stock (that moves only by stock adjustments), never a version.
 */
public record ProductForm(String sku, String name, String description, Long priceMinor, String currency,
                          String categoryId, String brandId, String colour, Map<String, String> attributes,
                          String slug, String seoTitle, String seoDescription, String status) {

    public boolean isEmpty() {
        return sku == null && name == null && description == null && priceMinor == null && currency == null
                && categoryId == null && brandId == null && colour == null && attributes == null && slug == null
                && seoTitle == null && seoDescription == null && status == null;
    }
}

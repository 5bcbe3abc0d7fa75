package shop.verdant.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/** The Products table row. Times are ISO-8601 strings, so the byMerchant index sorts by creation. */
@DynamoDbBean
public class ProductItem {
    private String productId;
    private String merchantId;
    private String sku;
    private String name;
    private String description;
    private String brandId;
    private String colour;
    private String categoryId;
    private Map<String, String> attributes;
    private Long priceMinor;
    private String currency;
    private Long stockAvailable;
    private Long stockReserved;
    private String status;
    private List<String> images;
    private SeoItem seo;
    private String createdAt;
    private String updatedAt;
    private String updatedBy;
    private Long version;

    @DynamoDbPartitionKey
    public String getProductId() { return productId; }
    public void setProductId(String v) { productId = v; }
    @DynamoDbSecondaryPartitionKey(indexNames = "byMerchant")
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String v) { merchantId = v; }
    public String getSku() { return sku; }
    public void setSku(String v) { sku = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getBrandId() { return brandId; }
    public void setBrandId(String v) { brandId = v; }
    public String getColour() { return colour; }
    public void setColour(String v) { colour = v; }
    public String getCategoryId() { return categoryId; }
    public void setCategoryId(String v) { categoryId = v; }
    public Map<String, String> getAttributes() { return attributes; }
    public void setAttributes(Map<String, String> v) { attributes = v; }
    public Long getPriceMinor() { return priceMinor; }
    public void setPriceMinor(Long v) { priceMinor = v; }
    public String getCurrency() { return currency; }
    public void setCurrency(String v) { currency = v; }
    public Long getStockAvailable() { return stockAvailable; }
    public void setStockAvailable(Long v) { stockAvailable = v; }
    public Long getStockReserved() { return stockReserved; }
    public void setStockReserved(Long v) { stockReserved = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public List<String> getImages() { return images; }
    public void setImages(List<String> v) { images = v; }
    public SeoItem getSeo() { return seo; }
    public void setSeo(SeoItem v) { seo = v; }
    @DynamoDbSecondarySortKey(indexNames = "byMerchant")
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String v) { createdAt = v; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String v) { updatedAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }
    @DynamoDbVersionAttribute
    public Long getVersion() { return version; }
    public void setVersion(Long v) { version = v; }

    @DynamoDbBean
    public static class SeoItem {
        private String slug;
        private String title;
        private String description;

        public String getSlug() { return slug; }
        public void setSlug(String v) { slug = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
    }
}

package shop.verdant.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

@DynamoDbBean
public class BrandItem extends NamedItem {
    private String brandId;

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = "all")
    public String getBrandId() { return brandId; }
    public void setBrandId(String v) { brandId = v; }
}

package shop.verdant.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

@DynamoDbBean
public class CategoryItem extends NamedItem {
    private String categoryId;
    private String parentId;
    private Integer position;

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = "all")
    public String getCategoryId() { return categoryId; }
    public void setCategoryId(String v) { categoryId = v; }
    public String getParentId() { return parentId; }
    public void setParentId(String v) { parentId = v; }
    public Integer getPosition() { return position; }
    public void setPosition(Integer v) { position = v; }
}

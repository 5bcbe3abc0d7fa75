package shop.verdant.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;

/**
 * Fields shared by the small reference tables. {@code kind} holds one constant value per table so the
 * "all" index returns the whole table with a Query instead of a Scan.
 */
@DynamoDbBean
public abstract class NamedItem {
    private String kind;
    private String name;

    @DynamoDbSecondaryPartitionKey(indexNames = "all")
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
}

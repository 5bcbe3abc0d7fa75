package shop.verdant.domain.catalog.search;

import java.util.Locale;

public enum SortOrder {
    RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, NAME;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortOrder fromApiName(String value) {
        for (SortOrder s : values()) {
            if (s.apiName().equals(value)) {
                return s;
            }
        }
        return null;
    }
}

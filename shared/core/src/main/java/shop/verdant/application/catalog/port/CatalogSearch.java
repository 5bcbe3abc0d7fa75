package shop.verdant.application.catalog.port;

import java.util.List;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;

/**
 * Where catalog searches are answered: the in-memory index ({@code SearchProducts}, the default) or a search
 * engine (OpenSearch) once the catalog outgrows one function's memory. Both give the same answers: text with
 * prefix and relevance, the category subtree, brand, colour, price range and attributes, every sort with ties
 * by name then id, and facets counted with every filter but their own.
 */
public interface CatalogSearch {

    /** A page of results with the brand names to label it by. */
    record Answer(SearchResult result, BrandNames labels) {
    }

    /** @throws shop.verdant.domain.common.ValidationException for a category that does not exist */
    Answer search(ProductQuery query);

    /** Products to show beside one: its category first, then wider ancestors, nearest in price first. */
    List<CatalogItem> related(String productId, int limit);

    CategoryTree categories();

    BrandNames labels();
}

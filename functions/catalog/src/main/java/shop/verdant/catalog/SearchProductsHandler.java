package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/products: full-text search, facet filters, sorting and cursor paging. */
public final class SearchProductsHandler extends ApiHandler {
    private final SearchProducts search;
    private final ProductQueryParser parser;
    private final String imageBase;

    public SearchProductsHandler() {
        this(CatalogWiring.SEARCH, CatalogWiring.PARSER, CatalogWiring.IMAGE_BASE_URL);
    }

    public SearchProductsHandler(SearchProducts search, ProductQueryParser parser, String imageBase) {
        this.search = search;
        this.parser = parser;
        this.imageBase = imageBase;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        ProductQueryParser.Parsed parsed = parser.parse(request.queryParameters());
        SearchProducts.Answer answer = search.search(parsed.query());
        SearchResult result = answer.result();
        return ApiResponse.publicJson(CatalogViews.page(result, parser.nextCursor(parsed, result.nextOffset()),
                answer.index(), imageBase), 30);
    }
}

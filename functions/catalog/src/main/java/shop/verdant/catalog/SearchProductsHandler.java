package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;

/** GET /api/products: full-text search, facet filters, sorting and cursor paging. */
public final class SearchProductsHandler extends ApiHandler {
    private final CatalogSearch search;
    private final ProductQueryParser parser;
    private final String imageBase;
    private final Metrics metrics;
    private final Tracker tracker;

    public SearchProductsHandler() {
        this(CatalogWiring.SEARCH, CatalogWiring.PARSER, CatalogWiring.IMAGE_BASE_URL, CatalogWiring.METRICS,
                CatalogWiring.TRACKER);
    }

    public SearchProductsHandler(CatalogSearch search, ProductQueryParser parser, String imageBase, Metrics metrics) {
        this(search, parser, imageBase, metrics, Tracker.NONE);
    }

    public SearchProductsHandler(CatalogSearch search, ProductQueryParser parser, String imageBase, Metrics metrics,
                                 Tracker tracker) {
        this.search = search;
        this.parser = parser;
        this.imageBase = imageBase;
        this.metrics = metrics;
        this.tracker = tracker;
    }

    @Override
    protected Metrics metrics() {
        return metrics;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        ProductQueryParser.Parsed parsed = parser.parse(request.queryParameters());
        CatalogSearch.Answer answer = search.search(parsed.query());
        SearchResult result = answer.result();
        if (result.total() == 0) {
            metrics().count("ZeroResultSearches");
        }
        tracker.track(request.visit(), Tracker.search(parsed.query(), result.total()));
        return ApiResponse.publicJson(CatalogViews.page(result, parser.nextCursor(parsed, result.nextOffset()),
                answer.labels(), imageBase), 30);
    }
}

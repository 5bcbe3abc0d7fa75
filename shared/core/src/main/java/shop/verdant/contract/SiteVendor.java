package shop.verdant.contract;

import java.util.Map;

/**
 * The files of the storefront's npm dependencies (site/package.json) it loads, served from {@code /vendor/<name>}:
 * name → path under {@code site/}. The local shop serves them, CDK deploys them; no page loads a script from a CDN.
 */
public final class SiteVendor {
    private SiteVendor() {
    }

    public static final Map<String, String> FILES = Map.of("chart.umd.js", "node_modules/chart.js/dist/chart.umd.min.js",
            "qrcode.mjs", "node_modules/qrcode-generator/dist/qrcode.mjs");
}

package shop.verdant.local;

/** One OpenSearch per test JVM, started on first use (about 5 s) and stopped when the JVM exits. */
final class TestOpenSearch {
    private static OpenSearchEngine engine;

    private TestOpenSearch() {
    }

    static synchronized String url() {
        if (engine == null) {
            try {
                engine = OpenSearchEngine.start(SearchBackendsPropertyTest.freePort(), SearchBackendsPropertyTest.freePort(), null);
            } catch (Exception e) {
                throw new IllegalStateException("OpenSearch did not start", e);
            }
            OpenSearchEngine started = engine;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return engine.url();
    }
}

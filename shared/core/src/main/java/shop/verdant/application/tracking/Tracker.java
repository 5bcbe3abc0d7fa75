package shop.verdant.application.tracking;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import shop.verdant.application.tracking.port.BehaviourSink;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.Tokenizer;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.Visit;

/**
 * Turns what a handler saw into a behaviour event and hands it to the sink. Never fails the request: an event
 * that breaks the schema is dropped and counted by its first problem; a sink that throws is counted too.
 */
public final class Tracker {
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
    /** Six or more digits in a row: a phone, card or order number someone pasted, not a product term. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s-]{4,}\\d");

    private final BehaviourSink sink;
    private final Clock clock;
    private final Supplier<String> ids;
    private final LongAdder emitted = new LongAdder();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<String> onDrop;

    /** {@code onDrop}: told the reason of every dropped event (the wiring counts it as a metric). */
    public Tracker(BehaviourSink sink, Clock clock, Supplier<String> ids, java.util.function.Consumer<String> onDrop) {
        this.sink = sink;
        this.clock = clock;
        this.ids = ids;
        this.onDrop = onDrop;
    }

    public Tracker(BehaviourSink sink, Clock clock, Supplier<String> ids) {
        this(sink, clock, ids, reason -> { });
    }

    public Tracker(BehaviourSink sink, java.util.function.Consumer<String> onDrop) {
        this(sink, Clock.systemUTC(), () -> UUID.randomUUID().toString(), onDrop);
    }

    public Tracker(BehaviourSink sink) {
        this(sink, reason -> { });
    }

    public static final Tracker NONE = new Tracker(BehaviourSink.NONE);

    /** Builds, checks and emits one event; returns whether it was handed to the sink. */
    public boolean track(Visit visit, BehaviourEvent.Detail detail) {
        try {
            BehaviourEvent event = new BehaviourEvent(ids.get(), clock.instant(), visit, detail);
            var problems = event.problems();
            if (!problems.isEmpty()) {
                drop("invalid:" + problems.get(0));
                return false;
            }
            sink.emit(event);
            emitted.increment();
            return true;
        } catch (RuntimeException e) {
            drop("sink:" + e.getClass().getSimpleName());
            return false;
        }
    }

    /** A search as tracked: normalized terms, which filters were used, the sort, the page and the total. */
    public static BehaviourEvent.Search search(ProductQuery q, long total) {
        java.util.List<String> filters = new java.util.ArrayList<>();
        java.util.List<String> values = new java.util.ArrayList<>();
        if (q.categoryId() != null) {
            filters.add("category");
            values.add("category=" + q.categoryId());
        }
        if (!q.brands().isEmpty()) {
            filters.add("brand");
            q.brands().stream().sorted().forEach(b -> values.add("brand=" + b));
        }
        if (!q.colours().isEmpty()) {
            filters.add("colour");
            q.colours().stream().sorted().forEach(c -> values.add("colour=" + c));
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            filters.add("price");
        }
        new java.util.TreeMap<>(q.attributes()).forEach((name, vs) -> {
            filters.add("attr." + name);
            vs.stream().sorted().forEach(v -> values.add("attr." + name + "=" + v));
        });
        int page = q.limit() <= 0 ? 1 : q.offset() / q.limit() + 1;
        return new BehaviourEvent.Search(normalizeTerms(q.text()), filters, values, q.sort().name().toLowerCase(java.util.Locale.ROOT),
                page, total);
    }

    /**
     * The words of what was typed (folded and lower-cased as the catalog reads them, not stemmed), joined by one space, so "Bamboo  toothbrush!" and "bamboo toothbrush"
     * count as one term; an email address or a long number is taken out first (it is someone's data, not a term).
     */
    public static String normalizeTerms(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String cleaned = LONG_NUMBER.matcher(EMAIL.matcher(text).replaceAll(" ")).replaceAll(" ");
        String joined = String.join(" ", Tokenizer.words(cleaned));
        return joined.length() <= 200 ? joined : joined.substring(0, 200).trim();
    }

    private void drop(String reason) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
        try {
            onDrop.accept(reason);
        } catch (RuntimeException ignored) {
            // counting a drop must not fail the request either
        }
    }

    public long emitted() {
        return emitted.sum();
    }

    /** Dropped events by reason ({@code invalid:<field>}, {@code sink:<exception>}). */
    public Map<String, Long> dropped() {
        Map<String, Long> out = new java.util.TreeMap<>();
        dropped.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

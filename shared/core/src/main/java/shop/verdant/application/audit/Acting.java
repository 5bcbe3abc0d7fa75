package shop.verdant.application.audit;

import java.util.function.Supplier;
import shop.verdant.domain.audit.Actor;

/**
 * Who the current invocation acts for: set once where an invocation starts (the API handler from the caller's token,
 * a schedule or a stream consumer as the part of the shop it is), read by the table adapter that stamps every write of
 * an audited item. A Lambda runs one invocation at a time per instance, and the local shop each request on its own
 * thread, so the actor is per thread.
 */
public final class Acting {
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private Acting() {
    }

    /** Starts acting as {@code actor}; close the scope when the invocation ends. */
    public static Scope as(Actor actor) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static <T> T as(Actor actor, Supplier<T> work) {
        try (Scope ignored = as(actor)) {
            return work.get();
        }
    }

    public static void run(Actor actor, Runnable work) {
        try (Scope ignored = as(actor)) {
            work.run();
        }
    }

    /** The actor, or null outside any invocation. */
    public static Actor current() {
        return CURRENT.get();
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

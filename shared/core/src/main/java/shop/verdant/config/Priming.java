package shop.verdant.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import shop.verdant.http.Log;

/**
 * SnapStart hooks for a function group's wiring: {@code beforeCheckpoint} exercises the paths worth having
 * warm in the snapshot (a failure only skips priming, it never fails the snapshot); {@code afterRestore}
 * drops what does not survive a restore, such as pooled connections.
 */
public final class Priming {
    /** CRaC holds resources weakly: keep every registered one reachable for the container's life. */
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private Priming() {
    }

    public static void register(Runnable beforeCheckpoint, Runnable afterRestore) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                try {
                    beforeCheckpoint.run();
                } catch (RuntimeException e) {
                    Log.warn("priming skipped", e);
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                afterRestore.run();
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }
}

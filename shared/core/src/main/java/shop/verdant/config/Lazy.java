package shop.verdant.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port implementation created on first use. Catalog searches are answered from Redis alone, so a
 * container that only searches never loads the DynamoDB client (a third of a cold start); under
 * SnapStart the priming request creates it before the snapshot.
 */
public final class Lazy {
    private Lazy() {
    }

    public static <T> T of(Class<T> port, Supplier<? extends T> factory) {
        Supplier<T> once = memoize(factory);
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Lazy<" + port.getSimpleName() + ">";
                };
            }
            try {
                return method.invoke(once.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }

    public static <T> Supplier<T> memoize(Supplier<? extends T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = factory.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}

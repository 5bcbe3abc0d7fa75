package shop.verdant.contract;

import java.util.Map;

/**
 * One Lambda function: its handler class (in its group's module and jar), the tables it may touch and
 * how, and what it does. Least privilege is derived from {@code tables}: nothing else is granted.
 */
public record Handler(String className, FunctionGroup group, Map<TableSpec, TableAccess> tables, String description) {
    public Handler {
        tables = Map.copyOf(tables);
        if (!className.startsWith(group.handlerPackage() + ".")) {
            throw new IllegalArgumentException(className + " is not in the package of group " + group.name());
        }
    }

    /** The function's name: the handler's simple class name without {@code Handler}; also its construct id. */
    public String functionName() {
        return className.substring(className.lastIndexOf('.') + 1).replace("Handler", "");
    }
}

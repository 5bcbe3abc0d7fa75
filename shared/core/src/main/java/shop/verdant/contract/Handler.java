package shop.verdant.contract;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda function: its handler class (in its group's module and jar), the tables it may touch and
 * how, what it needs beyond its group's needs ({@code ownNeeds}: a secret only it reads), and what it does.
 * Least privilege is derived from {@code tables} and {@link #needs()}: nothing else is granted.
 */
public record Handler(String className, FunctionGroup group, Map<TableSpec, TableAccess> tables, String description,
                      Set<Need> ownNeeds) {
    public Handler {
        tables = Map.copyOf(tables);
        ownNeeds = Set.copyOf(ownNeeds);
        if (!className.startsWith(group.handlerPackage() + ".")) {
            throw new IllegalArgumentException(className + " is not in the package of group " + group.name());
        }
    }

    public Handler(String className, FunctionGroup group, Map<TableSpec, TableAccess> tables, String description) {
        this(className, group, tables, description, Set.of());
    }

    /** Everything this function gets: its group's needs and its own. */
    public Set<Need> needs() {
        EnumSet<Need> all = EnumSet.noneOf(Need.class);
        all.addAll(group.needs());
        all.addAll(ownNeeds);
        return all;
    }

    /** The function's name: the handler's simple class name without {@code Handler}; also its construct id. */
    public String functionName() {
        return className.substring(className.lastIndexOf('.') + 1).replace("Handler", "");
    }
}

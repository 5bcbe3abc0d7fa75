package shop.verdant.contract;

import java.util.Set;

/**
 * A bounded context's functions, built from one Maven module into one shaded jar
 * ({@code <module>/target/<name>-lambda.jar}); {@code needs} is what every function of the group gets.
 */
public record FunctionGroup(String name, String module, String description, Set<Need> needs) {
    public FunctionGroup {
        needs = Set.copyOf(needs);
    }

    /** The shaded jar, relative to the repository root. */
    public String jar() {
        return module + "/target/" + name + "-lambda.jar";
    }

    /** The Java package its handlers live in. */
    public String handlerPackage() {
        return "shop.verdant." + name;
    }

    /** A handler of this group: {@code simpleName} in the group's package. */
    public Handler handler(String simpleName, java.util.Map<TableSpec, TableAccess> tables, String description) {
        return new Handler(handlerPackage() + "." + simpleName, this, tables, description);
    }

    /** A handler of this group that needs more than the group does. */
    public Handler handler(String simpleName, java.util.Map<TableSpec, TableAccess> tables, String description, Set<Need> ownNeeds) {
        return new Handler(handlerPackage() + "." + simpleName, this, tables, description, ownNeeds);
    }

    public boolean needs(Need need) {
        return needs.contains(need);
    }
}

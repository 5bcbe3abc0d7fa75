package shop.verdant.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** bench/run [all|search|rebuild|search-under-writes|snapshot|tracking|import|orders|payments|coldstart|jars|images|localshop] [--sizes 100000,1000000] [--dynamo-max 100000] [--orders 4000] */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        int[] sizes = {100_000, 1_000_000};
        int dynamoMax = 100_000;
        int orders = 4000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sizes")) {
                sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (args[i].equals("--orders")) {
                orders = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--dynamo-max")) {
                dynamoMax = Integer.parseInt(args[++i]);
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        if (what.equals("all") || what.equals("jars")) {
            JarsBench.run(repo);
        }
        if (what.equals("all") || what.equals("images")) {
            ImagesBench.run(7);
        }
        if (what.equals("all") || what.equals("localshop")) {
            LocalShopBench.run(repo);
        }
        if (what.equals("all") || what.equals("coldstart")) {
            ColdStartBench.run(repo);
        }
        if (what.equals("all") || what.equals("snapshot")) {
            SnapshotBench.run(repo, sizes);
        }
        if (what.equals("all") || what.equals("payments")) {
            PaymentsBench.run(repo, 400);
        }
        if (what.equals("all") || what.equals("orders")) {
            OrdersBench.run(orders);
        }
        if (what.equals("all") || what.equals("search")) {
            SearchBench.run(sizes, dynamoMax);
        }
        if (what.equals("all") || what.equals("rebuild")) {
            RebuildBench.run(sizes);
        }
        if (what.equals("all") || what.equals("import")) {
            ImportBench.run(repo, 10_000);
        }
        if (what.equals("all") || what.equals("tracking")) {
            TrackingBench.run();
        }
        if (what.equals("all") || what.equals("search-under-writes")) {
            SearchUnderWritesBench.run(what.equals("all") ? new int[] {100_000} : sizes);
        }
        System.exit(0);
    }
}

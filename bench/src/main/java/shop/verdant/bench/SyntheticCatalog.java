package shop.verdant.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.local.DemoCatalog;

/** A catalog of any size in the demo's shape: its category tree, 200 brands, names from a vocabulary. */
final class SyntheticCatalog {
    static final String[] ADJECTIVES = ("classic everyday travel family compact premium mini essential plastic-free studio "
            + "heritage coastal organic natural reusable refillable durable lightweight handmade recycled zero-waste "
            + "vegan soft sturdy modern rustic nordic alpine urban garden kitchen bath outdoor little grand deluxe").split(" ");
    static final String[] MATERIALS = ("bamboo glass steel cotton hemp jute cork beeswax wool linen wood beech olive ash "
            + "maple coconut loofah sisal agave silicone enamel ceramic terracotta concrete tencel bioplastic rubber "
            + "charcoal clay stone").split(" ");
    static final String[] NOUNS = ("bottle cup straw brush toothbrush wrap jar container bag tote backpack towel "
            + "blanket planter trowel bin box tray bowl plate spoon fork knife spatula sponge cloth soap shampoo "
            + "conditioner balm butter lotion floss comb mirror basket hamper mat rug candle lamp case sleeve "
            + "holder rack hook organiser kit set pouch wallet pillow cover sheet apron glove mug flask").split(" ");
    static final String[] COLOURS = {"natural", "green", "white", "black", "grey", "blue", "brown", "pink", "yellow",
            "terracotta", "red", "orange"};

    final List<Category> categories = DemoCatalog.generate().categories();
    final List<String> leaves;
    final List<Brand> brands = new ArrayList<>();

    SyntheticCatalog() {
        CategoryTree tree = CategoryTree.of(categories);
        leaves = tree.allIds().stream().filter(id -> tree.childIds(id).isEmpty()).toList();
        for (int i = 0; i < 200; i++) {
            brands.add(new Brand("brand-" + i, ADJECTIVES[i % ADJECTIVES.length] + " " + NOUNS[(i * 7) % NOUNS.length] + " co " + i));
        }
    }

    List<CatalogItem> items(int n, long seed) {
        Random r = new Random(seed);
        List<CatalogItem> out = new ArrayList<>(n);
        long now = 1_790_000_000_000L;
        for (int i = 0; i < n; i++) {
            String material = MATERIALS[r.nextInt(MATERIALS.length)];
            String name = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + material + " " + NOUNS[r.nextInt(NOUNS.length)]
                    + " " + (1 + r.nextInt(99));
            StringBuilder description = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                String[] pool = w % 3 == 0 ? NOUNS : w % 3 == 1 ? MATERIALS : ADJECTIVES;
                description.append(pool[r.nextInt(pool.length)]).append(' ');
            }
            out.add(new CatalogItem(String.format("p%08d", i), name, description.toString(),
                    brands.get(r.nextInt(brands.size())).brandId(), COLOURS[r.nextInt(COLOURS.length)],
                    leaves.get(r.nextInt(leaves.size())),
                    Map.of("material", material, "origin", "o" + r.nextInt(8)),
                    100 + 100L * r.nextInt(200) - 1, "EUR", null, now - r.nextInt(365 * 24 * 3600) * 1000L,
                    r.nextInt(20) != 0));
        }
        return out;
    }
}

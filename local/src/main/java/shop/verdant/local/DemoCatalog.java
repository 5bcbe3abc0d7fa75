package shop.verdant.local;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.Seo;
import shop.verdant.domain.common.Money;

/**
 * The demo catalog: eco-friendly everyday goods over a three-level category tree. Generated from a
 * fixed seed, so every fresh local shop has the same names, prices, brands and stock (ids and dates
 * are new each time).
 */
public final class DemoCatalog {
    public static final String CURRENCY = "EUR";
    public static final String MERCHANT = "merchant-greenleaf";
    /** A second merchant with an empty catalog, to see that one merchant's back office never shows another's. */
    public static final String SECOND_MERCHANT = "merchant-fernhill";

    /** A leaf category's products: noun, materials, price range in cents, how many. */
    private record Line(String leafId, String leafName, String noun, List<String> materials, long minPrice,
                        long maxPrice, int count) {
    }

    private static final String[][] TOP = {
            {"kitchen", "Kitchen & Dining"}, {"bath-body", "Bath & Body"}, {"home", "Home & Cleaning"},
            {"outdoor", "Outdoor & Garden"}, {"bags", "Bags & Accessories"}, {"kids", "Baby & Kids"}};

    private static final String[][] MID = {
            {"food-storage", "Food Storage", "kitchen"}, {"drinkware", "Drinkware", "kitchen"},
            {"utensils", "Utensils & Cutlery", "kitchen"},
            {"oral-care", "Oral Care", "bath-body"}, {"hair-care", "Hair Care", "bath-body"},
            {"soap-skin", "Soap & Skin", "bath-body"},
            {"cleaning", "Cleaning Tools", "home"}, {"laundry", "Laundry", "home"},
            {"home-textiles", "Home Textiles", "home"},
            {"garden", "Gardening", "outdoor"}, {"picnic", "Picnic & Travel", "outdoor"},
            {"bags-totes", "Bags", "bags"}, {"accessories", "Accessories", "bags"},
            {"toys", "Toys", "kids"}, {"feeding", "Feeding", "kids"}};

    private static final Object[][] LEAVES = {
            {"beeswax-wraps", "Beeswax Wraps", "food-storage", "Food Wrap", List.of("Beeswax", "Vegan Wax"), 900, 2400, 10},
            {"glass-containers", "Glass Containers", "food-storage", "Storage Jar", List.of("Glass", "Borosilicate Glass"), 800, 3900, 10},
            {"produce-bags", "Produce Bags", "food-storage", "Produce Bag Set", List.of("Organic Cotton", "Hemp", "Recycled Polyester"), 600, 1800, 9},
            {"water-bottles", "Water Bottles", "drinkware", "Water Bottle", List.of("Stainless Steel", "Glass", "Bamboo"), 1500, 4500, 12},
            {"coffee-cups", "Reusable Coffee Cups", "drinkware", "Coffee Cup", List.of("Bamboo", "Rice Husk", "Stainless Steel", "Cork"), 900, 2900, 11},
            {"straws", "Reusable Straws", "drinkware", "Straw Set", List.of("Bamboo", "Stainless Steel", "Glass"), 400, 1500, 8},
            {"cutlery-sets", "Cutlery Sets", "utensils", "Travel Cutlery Set", List.of("Bamboo", "Stainless Steel", "Beech Wood"), 800, 3500, 10},
            {"cooking-utensils", "Cooking Utensils", "utensils", "Spatula", List.of("Bamboo", "Olive Wood", "Beech Wood"), 600, 2500, 10},
            {"toothbrushes", "Toothbrushes", "oral-care", "Toothbrush", List.of("Bamboo", "Beech Wood", "Recycled Plastic"), 300, 1200, 12},
            {"toothpaste", "Toothpaste Tablets", "oral-care", "Toothpaste Tablets", List.of("Mint", "Charcoal", "Fluoride-Free"), 500, 1400, 8},
            {"floss", "Dental Floss", "oral-care", "Dental Floss", List.of("Silk", "Corn Fibre", "Bamboo Charcoal"), 400, 900, 7},
            {"shampoo-bars", "Shampoo Bars", "hair-care", "Shampoo Bar", List.of("Coconut", "Lavender", "Nettle", "Argan"), 700, 1600, 11},
            {"combs-brushes", "Combs & Brushes", "hair-care", "Hairbrush", List.of("Bamboo", "Pear Wood", "Cellulose Acetate"), 800, 3200, 9},
            {"soap-bars", "Soap Bars", "soap-skin", "Soap Bar", List.of("Olive Oil", "Oatmeal", "Goat Milk", "Activated Charcoal"), 400, 1200, 11},
            {"body-care", "Body Care", "soap-skin", "Body Butter", List.of("Shea", "Cocoa", "Hemp Seed"), 900, 2800, 9},
            {"dish-brushes", "Dish Brushes", "cleaning", "Dish Brush", List.of("Beech Wood", "Bamboo", "Coconut Fibre", "Agave"), 500, 1600, 10},
            {"sponges-cloths", "Sponges & Cloths", "cleaning", "Cleaning Cloth Set", List.of("Loofah", "Cellulose", "Organic Cotton", "Bamboo"), 400, 1400, 10},
            {"laundry-detergent", "Detergent", "laundry", "Laundry Strips", List.of("Unscented", "Lavender", "Eucalyptus"), 900, 2400, 8},
            {"dryer-balls", "Dryer Balls", "laundry", "Dryer Balls", List.of("Wool", "Organic Wool"), 1200, 2900, 6},
            {"towels", "Towels", "home-textiles", "Bath Towel", List.of("Organic Cotton", "Linen", "Bamboo"), 1800, 5900, 10},
            {"bedding", "Bedding", "home-textiles", "Duvet Cover", List.of("Organic Cotton", "Linen", "Tencel"), 4900, 14900, 9},
            {"planters", "Planters", "garden", "Planter", List.of("Terracotta", "Recycled Plastic", "Bamboo Fibre", "Concrete"), 900, 4900, 10},
            {"seeds", "Seeds", "garden", "Seed Kit", List.of("Herb", "Wildflower", "Vegetable"), 500, 2200, 9},
            {"garden-tools", "Garden Tools", "garden", "Trowel", List.of("Ash Wood", "Recycled Steel", "Bamboo"), 1200, 4500, 8},
            {"compost-bins", "Compost Bins", "garden", "Compost Caddy", List.of("Bamboo Fibre", "Recycled Plastic", "Stainless Steel"), 1900, 8900, 7},
            {"lunch-boxes", "Lunch Boxes", "picnic", "Lunch Box", List.of("Stainless Steel", "Bamboo", "Glass"), 1400, 3900, 10},
            {"picnic-sets", "Picnic Sets", "picnic", "Picnic Set", List.of("Bamboo", "Enamel", "Recycled Plastic"), 2400, 8900, 8},
            {"tote-bags", "Tote Bags", "bags-totes", "Tote Bag", List.of("Organic Cotton", "Jute", "Hemp", "Recycled Polyester"), 800, 3500, 11},
            {"backpacks", "Backpacks", "bags-totes", "Backpack", List.of("Recycled Polyester", "Waxed Canvas", "Cork"), 4900, 14900, 9},
            {"phone-cases", "Phone Cases", "accessories", "Phone Case", List.of("Compostable Bioplastic", "Bamboo", "Cork"), 1500, 3900, 9},
            {"sunglasses", "Sunglasses", "accessories", "Sunglasses", List.of("Bamboo", "Recycled Acetate", "Wood"), 3900, 11900, 8},
            {"wooden-toys", "Wooden Toys", "toys", "Stacking Toy", List.of("Beech Wood", "Maple", "Rubberwood"), 1200, 4900, 10},
            {"baby-feeding", "Baby Tableware", "feeding", "Baby Bowl Set", List.of("Bamboo", "Silicone", "Stainless Steel"), 1200, 3900, 9},
    };

    private static final String[][] BRANDS = {
            {"leaf-and-loom", "Leaf & Loom"}, {"terra-verde", "Terra Verde"}, {"bambu-basics", "Bambu Basics"},
            {"ocean-kind", "Ocean Kind"}, {"green-sprout", "Green Sprout"}, {"zero-waste-co", "Zero Waste Co"},
            {"econest", "EcoNest"}, {"pure-earth", "Pure Earth"}, {"wild-fern", "Wild Fern"},
            {"honeybee-wraps", "Honeybee Wraps"}, {"sol-supply", "Sol Supply"}, {"mossy-stone", "Mossy Stone"},
            {"kind-kitchen", "Kind Kitchen"}, {"root-and-branch", "Root & Branch"}, {"nordic-leaf", "Nordic Leaf"},
            {"little-acorn", "Little Acorn"}, {"tidy-planet", "Tidy Planet"}};

    private static final String[] COLOURS = {"natural", "natural", "green", "green", "white", "black", "grey",
            "blue", "brown", "pink", "yellow", "terracotta"};
    private static final String[] STYLES = {"Classic", "Everyday", "Travel", "Family", "Compact", "Premium",
            "Mini", "Essential", "Plastic-Free", "Studio", "Heritage", "Coastal"};
    private static final String[] CERTIFICATIONS = {"FSC", "GOTS", "Fair Trade", "B Corp", "Vegan", "Soil Association"};
    private static final String[] ORIGINS = {"Portugal", "Germany", "India", "Vietnam", "United Kingdom",
            "Netherlands", "Sweden", "Italy"};
    private static final String[] SIZES = {"Small", "Medium", "Large", "Set of 2", "Set of 3", "Set of 4",
            "Pack of 5", "350 ml", "500 ml", "750 ml", "1 l"};

    public record Data(List<Category> categories, List<Brand> brands, List<Product> products) {
    }

    public static Data generate() {
        return generate(0);
    }

    /**
     * The demo catalog, or with {@code size} &gt; 0 that many products in its shape: the same tree, brands,
     * lines, names, prices and attributes, spread over the lines as the demo spreads them (names repeat past
     * what the words allow, told apart by a model number).
     */
    public static Data generate(int size) {
        Random random = new Random(20261121L);
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < TOP.length; i++) {
            categories.add(new Category(TOP[i][0], null, TOP[i][1], i));
        }
        for (int i = 0; i < MID.length; i++) {
            categories.add(new Category(MID[i][0], MID[i][2], MID[i][1], i));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < LEAVES.length; i++) {
            Object[] l = LEAVES[i];
            categories.add(new Category((String) l[0], (String) l[2], (String) l[1], i));
            @SuppressWarnings("unchecked")
            List<String> materials = (List<String>) l[4];
            lines.add(new Line((String) l[0], (String) l[1], (String) l[3], materials,
                    ((Integer) l[5]).longValue(), ((Integer) l[6]).longValue(), (Integer) l[7]));
        }
        List<Brand> brands = new ArrayList<>();
        for (String[] b : BRANDS) {
            brands.add(new Brand(b[0], b[1]));
        }

        Instant now = Instant.now();
        List<Product> products = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int sku = 1000;
        int demoTotal = lines.stream().mapToInt(Line::count).sum();
        int placed = 0;
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            int want = line.count();
            if (size > 0) {
                int upTo = (int) ((long) size * lines.stream().limit(l + 1).mapToInt(Line::count).sum() / demoTotal);
                want = upTo - placed;
                placed = upTo;
            }
            for (int n = 0; n < want; n++) {
                String material = line.materials().get(random.nextInt(line.materials().size()));
                Brand brand = brands.get(random.nextInt(brands.size()));
                String name = null;
                for (int attempt = 0; name == null || !names.add(name); attempt++) {
                    name = STYLES[random.nextInt(STYLES.length)] + " " + material + " " + line.noun()
                            + (random.nextInt(3) == 0 ? " – " + SIZES[random.nextInt(SIZES.length)] : "")
                            + (attempt >= 8 ? " No. " + sku : "");
                }
                String colour = COLOURS[random.nextInt(COLOURS.length)];
                long span = (line.maxPrice() - line.minPrice()) / 100;
                long price = line.minPrice() + 100 * (span <= 0 ? 0 : random.nextInt((int) span + 1)) - 1;
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("material", material.toLowerCase(Locale.ROOT));
                attributes.put("certification", CERTIFICATIONS[random.nextInt(CERTIFICATIONS.length)]);
                attributes.put("origin", ORIGINS[random.nextInt(ORIGINS.length)]);
                long stock = random.nextInt(20) == 0 ? 0 : random.nextInt(8) == 0 ? 1 + random.nextInt(5) : 6 + random.nextInt(120);
                String id = UuidCreator.getTimeOrderedEpoch().toString();
                Instant created = now.minus(Duration.ofHours(random.nextInt(24 * 365)));
                String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
                String description = describe(name, brand.name(), material, line, colour, random);
                products.add(new Product(id, MERCHANT, "VG-" + (sku++), name, description, brand.brandId(), colour,
                        line.leafId(), attributes, Money.of(price, CURRENCY), stock, 0, ProductStatus.ACTIVE,
                        // a large catalog shares one picture per line and colour: uploading 100k would take minutes
                        List.of(ProductImages.key(size > 0 ? line.leafId() + "-" + colour : id)),
                        new Seo(slug, name + " | Verdant", description.substring(0, Math.min(150, description.length()))),
                        created, created, "seed", 0));
            }
        }
        return new Data(categories, brands, products);
    }

    private static String describe(String name, String brand, String material, Line line, String colour, Random random) {
        String[] openers = {
                "A %s that replaces its single-use cousin for years.",
                "Made to be used every day and kept for a long time: the %s.",
                "Our customers' favourite %s, now in a new finish.",
                "The %s that travels with you and leaves nothing behind."};
        String[] closers = {
                "Shipped plastic-free in recycled card.",
                "Compostable at the end of its life wherever the material allows.",
                "Made in small batches by a family workshop.",
                "Every order plants a tree with our reforestation partner."};
        return String.format(openers[random.nextInt(openers.length)], line.noun().toLowerCase(Locale.ROOT))
                + " " + brand + " make this " + name.toLowerCase(Locale.ROOT) + " from " + material.toLowerCase(Locale.ROOT)
                + ", finished in " + colour + ". " + closers[random.nextInt(closers.length)];
    }
}

package shop.verdant.local;

import java.util.Locale;
import java.util.Map;
import shop.verdant.domain.catalog.Product;

/**
 * Draws each demo product's picture as an SVG: the thing itself as its category knows it (a bottle, a jar, a brush, a
 * tote bag...) in the product's colour, on a soft backdrop of the same colour.
 */
public final class ProductImages {
    private ProductImages() {
    }

    private static final Map<String, String[]> PALETTE = Map.ofEntries(
            Map.entry("natural", new String[] {"#f3ead7", "#c8a877"}),
            Map.entry("green", new String[] {"#e3efe2", "#4f7d4a"}),
            Map.entry("white", new String[] {"#f7f7f2", "#b9b9ad"}),
            Map.entry("black", new String[] {"#e4e4e0", "#2f302c"}),
            Map.entry("grey", new String[] {"#ececea", "#80847e"}),
            Map.entry("blue", new String[] {"#e1ecf2", "#3f6f8a"}),
            Map.entry("brown", new String[] {"#efe4da", "#7a5337"}),
            Map.entry("pink", new String[] {"#f6e6e6", "#c07a7f"}),
            Map.entry("yellow", new String[] {"#f7f0d5", "#c9a227"}),
            Map.entry("terracotta", new String[] {"#f4e3da", "#b5593a"}));

    /** The image's object key; CloudFront serves {@code /images/*} from the images bucket. */
    public static String key(String productId) {
        return "images/" + productId + "/main.svg";
    }

    /** Which picture a category's products get: what the thing looks like (a bottle looks like a bottle). */
    private static final Map<String, String> SHAPE = Map.ofEntries(
            Map.entry("water-bottles", "bottle"), Map.entry("glass-containers", "jar"), Map.entry("body-care", "jar"),
            Map.entry("toothpaste", "jar"), Map.entry("coffee-cups", "cup"), Map.entry("beeswax-wraps", "cloth"),
            Map.entry("sponges-cloths", "cloth"), Map.entry("towels", "cloth"), Map.entry("bedding", "cloth"),
            Map.entry("produce-bags", "bag"), Map.entry("tote-bags", "bag"), Map.entry("lunch-boxes", "box"),
            Map.entry("laundry-detergent", "box"), Map.entry("picnic-sets", "box"), Map.entry("seeds", "box"),
            Map.entry("toothbrushes", "brush"), Map.entry("combs-brushes", "brush"), Map.entry("dish-brushes", "brush"),
            Map.entry("shampoo-bars", "bar"), Map.entry("soap-bars", "bar"), Map.entry("cooking-utensils", "spoon"),
            Map.entry("cutlery-sets", "spoon"), Map.entry("garden-tools", "trowel"), Map.entry("straws", "straws"),
            Map.entry("floss", "straws"), Map.entry("dryer-balls", "balls"), Map.entry("wooden-toys", "stack"),
            Map.entry("planters", "planter"), Map.entry("compost-bins", "bin"), Map.entry("backpacks", "backpack"),
            Map.entry("phone-cases", "phone"), Map.entry("sunglasses", "glasses"), Map.entry("baby-feeding", "bowl"));

    public static String svg(Product p) {
        String[] colours = PALETTE.getOrDefault(p.colour(), PALETTE.get("natural"));
        String bg = colours[0];
        String fg = colours[1];
        int h = Math.abs(p.name().hashCode());
        String shade = "#00000022";
        String light = "#ffffff55";
        String motif = switch (SHAPE.getOrDefault(p.categoryId(), "bottle")) {
            case "bottle" -> rect(255, 110, 90, 50, 12, "#5d6b62") + rect(235, 150, 130, 40, 18, fg)
                    + rect(215, 180, 170, 290, 46, fg) + rect(240, 215, 26, 220, 13, light);
            case "jar" -> rect(210, 150, 180, 46, 14, "#7a5337") + rect(190, 190, 220, 250, 40, fg)
                    + rect(215, 260, 170, 90, 12, bg) + rect(212, 215, 24, 200, 12, light);
            case "cup" -> rect(200, 170, 200, 36, 16, "#5d6b62") + "<path d='M210 205 L390 205 L365 450 L235 450 Z' fill='" + fg
                    + "'/>" + rect(220, 280, 160, 60, 8, shade);
            case "cloth" -> "<path d='M170 210 L430 190 L440 420 L160 440 Z' fill='" + fg + "'/>"
                    + "<path d='M170 210 L300 300 L430 190' fill='none' stroke='" + bg + "' stroke-width='10'/>"
                    + "<circle cx='230' cy='380' r='18' fill='" + bg + "'/><circle cx='300' cy='395' r='18' fill='" + bg
                    + "'/><circle cx='370' cy='370' r='18' fill='" + bg + "'/>";
            case "bag" -> "<path d='M250 210 C250 130 350 130 350 210' fill='none' stroke='" + fg + "' stroke-width='16'/>"
                    + "<path d='M180 210 L420 210 L400 460 L200 460 Z' fill='" + fg + "'/>" + rect(230, 290, 140, 70, 10, light);
            case "box" -> rect(170, 220, 260, 210, 20, fg) + rect(160, 190, 280, 50, 14, shade) + rect(160, 190, 280, 46, 14, fg)
                    + rect(280, 190, 40, 240, 4, light);
            case "brush" -> "<g transform='rotate(-35 300 300)'>" + rect(285, 120, 30, 260, 15, "#a98158")
                    + rect(265, 370, 70, 110, 18, fg) + rect(270, 430, 60, 50, 6, bg) + "</g>";
            case "bar" -> rect(170, 230, 260, 150, 50, fg) + rect(200, 255, 200, 100, 40, light)
                    + "<text x='300' y='318' font-family='Georgia, serif' font-size='30' text-anchor='middle' fill='" + fg
                    + "'>" + escape(initials(p.name())) + "</text>";
            case "spoon" -> "<g transform='rotate(-30 300 300)'><ellipse cx='300' cy='190' rx='62' ry='80' fill='" + fg + "'/>"
                    + rect(287, 250, 26, 230, 13, fg) + "</g>";
            case "trowel" -> "<g transform='rotate(-30 300 300)'><path d='M300 120 C380 180 380 300 300 360 C220 300 220 180 300 120 Z' fill='"
                    + fg + "'/>" + rect(290, 350, 20, 40, 6, "#5d6b62") + rect(278, 385, 44, 110, 20, "#a98158") + "</g>";
            case "straws" -> "<g transform='rotate(-15 300 300)'>" + rect(230, 130, 22, 340, 11, fg) + rect(280, 110, 22, 360, 11, fg)
                    + rect(330, 140, 22, 330, 11, fg) + "</g>" + rect(190, 400, 220, 60, 20, shade);
            case "balls" -> "<circle cx='230' cy='360' r='80' fill='" + fg + "'/><circle cx='370' cy='360' r='80' fill='" + fg
                    + "' opacity='0.8'/><circle cx='300' cy='240' r='80' fill='" + fg + "' opacity='0.9'/>";
            case "stack" -> rect(190, 400, 220, 60, 24, fg) + rect(215, 335, 170, 60, 24, fg) + rect(240, 270, 120, 60, 24, fg)
                    + rect(290, 190, 20, 275, 8, "#a98158") + "<circle cx='300' cy='190' r='26' fill='" + fg + "'/>";
            case "planter" -> "<path d='M300 300 C240 250 230 170 260 140 C300 170 310 240 300 300 Z' fill='#4f7d4a'/>"
                    + "<path d='M300 300 C360 240 400 210 430 220 C410 270 360 300 300 300 Z' fill='#4f7d4a'/>"
                    + "<path d='M200 300 L400 300 L370 470 L230 470 Z' fill='" + fg + "'/>" + rect(190, 290, 220, 36, 10, fg);
            case "bin" -> rect(190, 200, 220, 36, 14, fg) + "<path d='M200 236 L400 236 L380 460 L220 460 Z' fill='" + fg
                    + "'/>" + "<path d='M265 200 C265 160 335 160 335 200' fill='none' stroke='" + fg + "' stroke-width='14'/>"
                    + "<path d='M300 300 C270 330 270 380 300 400 C330 380 330 330 300 300 Z' fill='#4f7d4a'/>";
            case "backpack" -> "<path d='M250 170 C250 120 350 120 350 170' fill='none' stroke='" + fg + "' stroke-width='18'/>"
                    + rect(190, 160, 220, 300, 60, fg) + rect(225, 330, 150, 100, 24, shade) + rect(215, 220, 170, 20, 10, light);
            case "phone" -> rect(225, 130, 150, 320, 34, fg) + rect(245, 165, 110, 240, 10, bg)
                    + "<circle cx='300' cy='425' r='10' fill='" + bg + "'/>";
            case "glasses" -> "<circle cx='225' cy='310' r='70' fill='" + fg + "'/><circle cx='375' cy='310' r='70' fill='" + fg
                    + "'/><path d='M290 300 C300 285 300 285 310 300' fill='none' stroke='" + fg + "' stroke-width='12'/>"
                    + "<path d='M160 290 L120 250 M440 290 L480 250' stroke='" + fg + "' stroke-width='12'/>"
                    + "<circle cx='205' cy='290' r='18' fill='" + light + "'/><circle cx='355' cy='290' r='18' fill='" + light + "'/>";
            default -> "<path d='M170 280 L430 280 C430 400 370 450 300 450 C230 450 170 400 170 280 Z' fill='" + fg + "'/>"
                    + rect(160, 262, 280, 30, 14, fg) + "<ellipse cx='300' cy='285' rx='115' ry='14' fill='" + shade + "'/>";
        };
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 600' role='img' aria-label='"
                + escape(p.name()) + "'>"
                + "<rect width='600' height='600' fill='" + bg + "'/>"
                + "<circle cx='" + (80 + h % 440) + "' cy='" + (60 + (h / 7) % 120) + "' r='" + (40 + h % 60)
                + "' fill='" + fg + "' opacity='0.12'/>"
                + "<ellipse cx='300' cy='490' rx='170' ry='22' fill='#00000014'/>"
                + motif + "</svg>";
    }

    private static String rect(int x, int y, int w, int height, int r, String fill) {
        return "<rect x='" + x + "' y='" + y + "' width='" + w + "' height='" + height + "' rx='" + r + "' fill='" + fill + "'/>";
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String word : name.split("[\\s–-]+")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && sb.length() < 3) {
                sb.append(word.charAt(0));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}

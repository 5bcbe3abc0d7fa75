package shop.verdant.local;

import java.util.Locale;
import java.util.Map;
import shop.verdant.domain.catalog.Product;

/** Draws each demo product's picture as an SVG: a soft backdrop in its colour and a motif per material. */
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

    public static String svg(Product p) {
        String[] colours = PALETTE.getOrDefault(p.colour(), PALETTE.get("natural"));
        String bg = colours[0];
        String fg = colours[1];
        int h = Math.abs(p.name().hashCode());
        String motif = switch (Math.abs(p.categoryId().hashCode()) % 3) {
            case 0 -> "<path d='M300 150 C 420 170 450 300 300 450 C 150 300 180 170 300 150 Z' fill='" + fg
                    + "' opacity='0.85'/><path d='M300 190 L300 430' stroke='" + bg + "' stroke-width='8'/>";
            case 1 -> "<rect x='205' y='170' width='190' height='270' rx='42' fill='" + fg + "' opacity='0.85'/>"
                    + "<rect x='245' y='130' width='110' height='50' rx='14' fill='" + fg + "'/>";
            default -> "<circle cx='300' cy='300' r='140' fill='" + fg + "' opacity='0.85'/>"
                    + "<circle cx='300' cy='300' r='70' fill='" + bg + "' opacity='0.9'/>";
        };
        String initials = initials(p.name());
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 600' role='img' aria-label='"
                + escape(p.name()) + "'>"
                + "<rect width='600' height='600' fill='" + bg + "'/>"
                + "<circle cx='" + (80 + h % 440) + "' cy='" + (60 + (h / 7) % 120) + "' r='" + (40 + h % 60)
                + "' fill='" + fg + "' opacity='0.12'/>"
                + motif
                + "<text x='300' y='545' font-family='Georgia, serif' font-size='34' text-anchor='middle' fill='" + fg
                + "'>" + escape(initials) + "</text></svg>";
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

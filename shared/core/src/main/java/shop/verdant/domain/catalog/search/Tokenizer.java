package shop.verdant.domain.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms: accents folded, lower-cased, split on anything but letters and
 * digits, and a light plural stemmer ("bottles" and "bottle" meet). The index and the query use the
 * same rules, so a stemmed form never needs to be a real word.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<String> tokens(String text) {
        List<String> out = words(text);
        out.replaceAll(Tokenizer::stem);
        return out;
    }

    /** The words of a text as the tokens see them (folded, lower-cased, split), before stemming. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String folded = fold(text);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if (current.length() > 0) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** Accents off and lower case; plain ASCII (nearly every product text) skips the Unicode decomposition. */
    private static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    static String stem(String token) {
        int n = token.length();
        if (n > 4 && token.endsWith("ies")) {
            return token.substring(0, n - 3) + "y";
        }
        if (n > 4 && (token.endsWith("ches") || token.endsWith("shes") || token.endsWith("xes"))) {
            return token.substring(0, n - 2);
        }
        if (n > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us")) {
            return token.substring(0, n - 1);
        }
        return token;
    }
}

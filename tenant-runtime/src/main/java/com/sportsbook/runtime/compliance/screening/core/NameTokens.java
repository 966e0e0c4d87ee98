package com.sportsbook.runtime.compliance.screening.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a name as written into the tokens screening compares, and a token into its transliteration key.
 *
 * <p>Tokens: lower case; diacritics removed ({@code É→e}, {@code ü→u}) and letters without a decomposition spelled
 * out ({@code ß→ss}, {@code ø→o}, {@code ł→l}); apostrophes and ayn/hamza marks dropped ({@code Gama'at→gamaat});
 * any other punctuation separates words ({@code AL-ZAWAHIRI}, {@code "LAST, First"}); non-Latin script, digits and
 * single letters (initials) left out. Dropped as carrying no identity: honorifics and ranks ({@code Dr}, {@code
 * Shaykh}, {@code Mullah}, {@code Haji}, {@code Jr}, ...) and connecting particles ({@code al}, {@code el},
 * {@code bin}, {@code ibn}, {@code bint}, {@code de}, {@code da}, {@code van}, {@code von}, ...). The "servant of"
 * prefix is written one way: {@code Abdul}, {@code Abdel}, {@code Abd al-} all become {@code abd} and a fused
 * {@code Abdulrahman} splits into {@code abd rahman} (but {@code Abdullah} stays one name); {@code Abou}/{@code Abo}
 * become {@code abu}.
 *
 * <p>Key: a consonant skeleton that folds the usual transliteration variants together. Digraphs first ({@code ph→f},
 * {@code kh→k}, {@code gh→g}, {@code th→t}, {@code dh→d}, {@code sh→s}, {@code ch→j}, {@code zh→j}, {@code dj→j}),
 * then {@code q,c→k}, {@code x→ks}, {@code w→v}, {@code z→s}, {@code y→i}; a leading vowel becomes {@code a},
 * later vowels go, doubled letters collapse. So Mohammed, Muhammad, Mohamed and Mohammad are all {@code mhmd};
 * Usama and Osama {@code asm}; Yusuf and Youssef {@code asf}; Hussein and Husayn {@code hsn}; Jo and Cho {@code j}.
 */
public final class NameTokens {

    /** The "servant of" prefix as written after folding. */
    static final String ABD = "abd";

    private static final Set<String> HONORIFICS = Set.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mister", "sir",
            "prof", "professor", "shaykh", "sheikh", "shaikh", "sheik", "shaykhah", "mullah", "mulla", "mawlawi",
            "maulvi", "maulawi", "moulvi", "molvi", "mawlana", "maulana", "haji", "hajji", "hadji", "alhaj", "alhaji",
            "alhajj", "hajj", "qari", "imam", "general", "gen", "colonel", "col", "brigadier", "major", "maj",
            "lieutenant", "lt", "captain", "capt", "admiral", "engineer", "eng", "jr", "sr", "ii", "iii", "iv");
    private static final Set<String> PARTICLES = Set.of("al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "ath",
            "bin", "ibn", "bint", "de", "da", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "la", "le",
            "van", "von", "y");
    private static final Set<String> ABD_FORMS = Set.of("abd", "abdul", "abdel", "abdal", "abdoul", "abdu", "abdur",
            "abdar", "abdou", "abdol", "abdil");
    private static final Set<String> ABDULLAH_FORMS = Set.of("abdullah", "abdallah", "abdulla", "abdalla", "abdellah",
            "abdollah", "abdoulah", "abdulah");
    private static final List<String> ABD_PREFIXES = List.of("abdoul", "abdul", "abdel", "abdal", "abdur", "abdou",
            "abdol");

    private NameTokens() {
    }

    public static List<String> of(String name) {
        List<String> tokens = new ArrayList<>();
        if (name == null) {
            return tokens;
        }
        for (String word : latin(name).split(" ")) {
            if (word.length() < 2 || HONORIFICS.contains(word) || PARTICLES.contains(word)
                    || word.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            if (ABDULLAH_FORMS.contains(word)) {
                tokens.add("abdullah");
            } else if (ABD_FORMS.contains(word)) {
                tokens.add("abd");
            } else if (word.equals("abou") || word.equals("abo")) {
                tokens.add("abu");
            } else {
                String prefix = abdPrefix(word);
                if (prefix != null) {
                    tokens.add("abd");
                    tokens.add(word.substring(prefix.length()));
                } else {
                    tokens.add(word);
                }
            }
        }
        return tokens;
    }

    private static String abdPrefix(String word) {
        for (String prefix : ABD_PREFIXES) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 3) {
                return prefix;
            }
        }
        return null;
    }

    /** Lower-case ASCII letters and digits separated by single spaces. */
    static String latin(String name) {
        StringBuilder spelled = new StringBuilder(name.length() + 8);
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'ß' -> spelled.append("ss");
                case 'æ' -> spelled.append("ae");
                case 'œ' -> spelled.append("oe");
                case 'ø' -> spelled.append('o');
                case 'đ', 'ð' -> spelled.append('d');
                case 'ł' -> spelled.append('l');
                case 'ı' -> spelled.append('i');
                case 'þ' -> spelled.append("th");
                case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʿ', 'ʾ' -> {
                    // ayn, hamza and apostrophes: "Gama'at" is "Gamaat"
                }
                default -> spelled.append(c);
            }
        }
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                space = false;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // the accent of a decomposed letter
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    /** The transliteration key of a token (see the class comment). */
    public static String key(String token) {
        return skeleton(spelling(token));
    }

    /**
     * The token respelled with the transliteration equivalences but its vowels kept ({@code qasim→kasim},
     * {@code youssef→iousef}): compared when two words share a key, so Kassem/Qasim are seen as alike.
     */
    static String spelling(String token) {
        String s = token;
        if (s.indexOf('h') >= 0 || s.indexOf('j') >= 0) {
            s = s.replace("sch", "s").replace("ph", "f").replace("kh", "k").replace("gh", "g").replace("th", "t")
                    .replace("dh", "d").replace("sh", "s").replace("ch", "j").replace("zh", "j").replace("dj", "j");
        }
        StringBuilder spelled = new StringBuilder(s.length() + 2);
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = switch (s.charAt(i)) {
                case 'q', 'c' -> 'k';
                case 'w' -> 'v';
                case 'z' -> 's';
                case 'y' -> 'i';
                case 'x' -> 'x';
                default -> s.charAt(i);
            };
            if (c == 'x') {
                if (last != 'k') {
                    spelled.append('k');
                }
                c = 's';
            }
            if (c != last) {
                spelled.append(c);
                last = c;
            }
        }
        return spelled.toString();
    }

    private static String skeleton(String spelled) {
        StringBuilder key = new StringBuilder(spelled.length());
        char last = 0;
        for (int i = 0; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
            if (i == 0) {
                c = vowel ? 'a' : c;
            } else if (vowel) {
                continue;
            }
            if (c != last) {
                key.append(c);
                last = c;
            }
        }
        return key.toString();
    }

    /**
     * The word without an article or "son of" fused to its front ({@code alzawahiri→zawahiri},
     * {@code binladen→laden}), or null when it has none; the rest must keep four letters.
     */
    static String withoutParticle(String token) {
        for (String particle : FUSED_PARTICLES) {
            if (token.startsWith(particle) && token.length() - particle.length() >= 4) {
                return token.substring(particle.length());
            }
        }
        return null;
    }

    private static final List<String> FUSED_PARTICLES = List.of("al", "el", "bin", "ibn");
}

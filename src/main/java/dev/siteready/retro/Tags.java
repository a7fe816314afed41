package dev.siteready.retro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An item's tags: short words, typed loosely ("Lab codes, mapping") and kept alike ("lab-codes", "mapping"). */
final class Tags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");
    private static final int MAX_TYPED = 1000;

    private Tags() {
    }

    /** One tag as typed into a search: a word of up to 40 letters, digits, dots, hyphens or underscores. */
    static boolean isTag(String typed) {
        return TAG.matcher(typed.toLowerCase(Locale.ROOT)).matches();
    }

    /** The tags as kept (lower case, spaces as hyphens, each once), or null when one of them is not a tag. */
    static List<String> parse(String typed) {
        if (typed.length() > MAX_TYPED) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String t : typed.split(",")) {
            String tag = t.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                return null;
            }
            tags.add(tag);
        }
        return tags;
    }
}

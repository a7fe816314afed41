package dev.siteready.web;

import io.quarkus.qute.TemplateExtension;

/**
 * A number with its noun, singular for one: {@code {r.items.count('item')}} reads "1 item", "3 items". For nouns whose
 * plural is the singular and an s, which is every count the pages show.
 */
public final class Counts {

    private Counts() {
    }

    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    @TemplateExtension(matchName = "count")
    static String countInt(Integer n, String noun) {
        return of(n, noun);
    }

    @TemplateExtension(matchName = "count")
    static String countLong(Long n, String noun) {
        return of(n, noun);
    }
}

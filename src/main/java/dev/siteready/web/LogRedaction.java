package dev.siteready.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for secrets in logs: what a log line (a message or an exception's) must never show. Applied to every
 * record by {@link RedactingLogFilter}, so Quarkus' and libraries' lines are held to it as much as SiteReady's own.
 *
 * <ul>
 * <li>{@code /p/…}: partner links, for questionnaires, sign-offs and retrospectives alike (everything after the
 * exchange lives under {@code /partner/…}, addressed by ids);</li>
 * <li>{@code /invitations/…}: invitation links;</li>
 * <li>any secret by its prefix ({@code pl_}, {@code inv_}, {@code srt_}): in a query, a header or a message;</li>
 * <li>{@code Bearer …} (an {@code Authorization} header) and query parameters named like a secret
 * ({@code token}, {@code access_token}, {@code api_token}, {@code key}, {@code secret}).</li>
 * </ul>
 * The secret part becomes {@value #HIDDEN}; the rest of the line stays as it was.
 */
public final class LogRedaction {

    public static final String HIDDEN = "(secret not logged)";

    // The character classes exclude "(" so that redacting twice changes nothing.
    private static final Pattern SECRET = Pattern.compile(
            "(/(?:p|invitations)/)[^/?#\\s\"'<>()]+"
                    + "|\\b((?:pl|inv|srt)_)[A-Za-z0-9_-]+"
                    + "|\\b((?i:bearer)\\s+)[A-Za-z0-9._~+/=-]+"
                    + "|([?&](?i:token|access_token|api_token|key|secret)=)[^&#\\s\"'<>()]+");

    private LogRedaction() {
    }

    /** The text with every secret the rule knows replaced; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SECRET.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String kept = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(kept + HIDDEN));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    public static boolean containsSecret(String text) {
        return text != null && SECRET.matcher(text).find();
    }
}

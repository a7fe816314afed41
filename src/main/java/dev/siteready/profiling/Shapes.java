package dev.siteready.profiling;

/**
 * What SiteReady keeps of a sample's values: their shape, never the value. Letters become {@code A}, digits {@code 9};
 * a few separators stay, anything else becomes {@code ?}; long values are cut. "MRN-004711" is kept as "AAA-999999".
 */
final class Shapes {

    static final int MAX = 24;

    private Shapes() {
    }

    static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int n = Math.min(value.length(), MAX);
        StringBuilder shape = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                shape.append('A');
            } else if (Character.isDigit(c)) {
                shape.append('9');
            } else if (c == '-' || c == '.' || c == '/' || c == '_' || c == ':' || c == ' ') {
                shape.append(c);
            } else {
                shape.append('?');
            }
        }
        if (value.length() > MAX) {
            shape.append('…');
        }
        return shape.toString();
    }

    /**
     * A JSON key or resource type as kept in a field's path: a name of letters, digits and underscores (up to 40),
     * else "?". A schema's keys look like that; a key that does not might be data, and is not kept.
     */
    static String key(String key) {
        if (key == null || key.isEmpty() || key.length() > 40) {
            return "?";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return "?";
            }
        }
        return key;
    }

    /** A field's path ("Orders[].Results[]"), cut at 120 characters. */
    static String path(String parent, String key) {
        String path = parent.isEmpty() ? key : parent + "." + key;
        return path.length() > 120 ? path.substring(0, 120) + "…" : path;
    }

    /**
     * A name SiteReady may keep (an identifier type, assigning authority, code system or message type): printable,
     * trimmed, at most {@code max} characters. These name systems and organizations, not people.
     */
    static String name(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        StringBuilder clean = new StringBuilder(Math.min(trimmed.length(), max));
        for (int i = 0; i < trimmed.length() && clean.length() < max; i++) {
            char c = trimmed.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString();
    }
}

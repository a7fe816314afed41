package dev.siteready.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags for the JSON API: a GET answers with an {@code ETag}; a PUT or DELETE sent with {@code If-Match} changes
 * the resource only while that tag is still current (otherwise 412). A request without {@code If-Match} is allowed, as
 * before tags existed: its write wins over whatever was saved since.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The strong tag for a value (quoted in the header by JAX-RS). */
    public static EntityTag of(String value) {
        return new EntityTag(value);
    }

    /**
     * Refuses the change (412, a JSON error) unless {@code If-Match} is absent, {@code *}, or lists the current tag.
     * Tags are compared strongly: a weak tag ({@code W/"…"}) or a value that is not a quoted tag never matches.
     */
    public static void requireMatch(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String expected = "\"" + current + "\"";
        for (String tag : ifMatch.split(",", 100)) {
            if (tag.strip().equals(expected)) {
                return;
            }
        }
        throw new WebApplicationException(412);
    }
}

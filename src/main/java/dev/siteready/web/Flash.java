package dev.siteready.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One-time messages carried across a redirect in a short-lived cookie, so that any app node can show
 * them. The text is shown escaped; a tampered cookie can only change the viewer's own message.
 */
public final class Flash {

    static final String COOKIE = "siteready-flash";
    private static final int MAX_LENGTH = 300;
    /** Longer addresses break clients (a 100 KB Location is refused as too long a line); SiteReady's own are short. */
    static final int MAX_LOCATION = 2000;

    public record Message(String kind, String text) {
        public boolean isError() {
            return "error".equals(kind);
        }
    }

    private Flash() {
    }

    /** 303 See Other to a page that will show the message once. */
    public static Response seeOther(String path, String message) {
        return redirect(path, "success", message);
    }

    public static Response seeOtherWithError(String path, String message) {
        return redirect(path, "error", message);
    }

    /**
     * For an htmx request that cannot be answered with its fragment: htmx loads the page (HX-Redirect) instead of
     * swapping a whole page into the fragment's place, and the page shows the message once.
     */
    public static Response htmxRedirect(String path, String message, boolean error) {
        return Response.ok().header("HX-Redirect", location(path)).cookie(cookie(error ? "error" : "success", message)).build();
    }

    private static Response redirect(String path, String kind, String message) {
        return Response.seeOther(URI.create(location(path))).cookie(cookie(kind, message)).build();
    }

    /**
     * An address for a header: paths are made of ids, but a fragment may come from input (the card of a question), so
     * an address over {@link #MAX_LOCATION} characters loses its fragment and the browser shows the top of the page.
     */
    static String location(String path) {
        if (path.length() <= MAX_LOCATION) {
            return path;
        }
        int hash = path.indexOf('#');
        String withoutFragment = hash < 0 ? path : path.substring(0, hash);
        if (withoutFragment.length() > MAX_LOCATION) {
            throw new IllegalArgumentException("An address of " + withoutFragment.length() + " characters is no redirect target");
        }
        return withoutFragment;
    }

    private static NewCookie cookie(String kind, String message) {
        return new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(kind + ":" + shortened(message), StandardCharsets.UTF_8))
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(60)
                .build();
    }

    /** The message the previous redirect left, if any, removed so that it shows once. */
    public static Message take(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null) {
            return null;
        }
        routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
        return decode(cookie.getValue());
    }

    static Message decode(String value) {
        try {
            String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String kind = "error".equals(decoded.substring(0, colon)) ? "error" : "success";
            String text = decoded.substring(colon + 1);
            return new Message(kind, shortened(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** At most {@link #MAX_LENGTH} characters, never cutting a character in half (a lone surrogate would become "?"). */
    private static String shortened(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return text.substring(0, end);
    }
}

package dev.siteready.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The addresses of SiteReady's own style sheet, script and icon, with a version taken from their content
 * ({@code /static/app.css?v=3f2a…}). Quarkus serves static files as {@code immutable} for a day; an address that
 * changes whenever the file does makes that safe, so a deploy never leaves a browser on yesterday's styles. Layouts
 * use them as {@code inject:assets.css}.
 */
@Named("assets")
@ApplicationScoped
public class Assets {

    private final String css = versioned("app.css");
    private final String js = versioned("app.js");
    private final String icon = versioned("favicon.svg");

    public String css() {
        return css;
    }

    public String js() {
        return js;
    }

    public String icon() {
        return icon;
    }

    /** The file's address with the first 12 hex digits of its content's SHA-256. */
    static String versioned(String file) {
        String path = "META-INF/resources/static/" + file;
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing static file " + path);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "/static/" + file + "?v=" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

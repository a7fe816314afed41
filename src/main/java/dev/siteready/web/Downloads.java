package dev.siteready.web;

import jakarta.ws.rs.core.Response;

/** A response the browser saves as a file, named after user text made safe for a header and a file system. */
public final class Downloads {

    static final int NAME_MAX = 100;

    private Downloads() {
    }

    /**
     * The body as an attachment named {@code name.extension}: runs of characters other than letters, digits,
     * dot, dash and underscore become one dash, and the name is cut to a sensible length.
     */
    public static Response attachment(Object body, String type, String name, String extension) {
        String file = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        file = file.isEmpty() ? "download" : file.length() > NAME_MAX ? file.substring(0, NAME_MAX) : file;
        return Response.ok(body).type(type).header("Content-Disposition", "attachment; filename=\"" + file + "." + extension + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Spreadsheet programs run cells that start like a formula; a leading quote keeps them text. */
    public static String csvCell(String value) {
        return value == null ? "" : !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

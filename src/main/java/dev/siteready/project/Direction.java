package dev.siteready.project;

/** Which way a data model flows, seen from the product. */
public enum Direction {
    INBOUND("Into the product"),
    OUTBOUND("Out of the product");

    public final String label;

    Direction(String label) {
        this.label = label;
    }

    public static Direction parse(String value) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return d;
            }
        }
        return null;
    }
}

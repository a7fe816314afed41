package dev.siteready.site;

/** Where a site stands. Shown as words (and colour) everywhere. */
public enum SiteStatus {
    PLANNED("Planned"),
    SCOPING("Scoping"),
    IMPLEMENTING("Implementing"),
    LIVE("Live"),
    ON_HOLD("On hold");

    public final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    /** The status for a form or CSV value (name or label, any case), or null. */
    public static SiteStatus parse(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.trim().replace(' ', '_');
        for (SiteStatus status : values()) {
            if (status.name().equalsIgnoreCase(clean) || status.label.equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        return null;
    }

    public String cssClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

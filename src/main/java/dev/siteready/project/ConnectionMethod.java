package dev.siteready.project;

/** How a data model is exchanged with the site. */
public enum ConnectionMethod {
    REDOX_API("Redox API"),
    HL7V2_MLLP("HL7 v2 over VPN/MLLP"),
    FHIR("FHIR"),
    FLAT_FILE("Flat file / SFTP"),
    OTHER("Other");

    public final String label;

    ConnectionMethod(String label) {
        this.label = label;
    }

    public static ConnectionMethod parse(String value) {
        for (ConnectionMethod m : values()) {
            if (m.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return m;
            }
        }
        return null;
    }
}

package dev.siteready.site;

import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/**
 * The new-site and edit-site forms. New sites also carry a first contact and a template; the form is
 * checked as a {@link SiteDraft}, whose problem keys map back to these field names.
 */
public record SiteForm(
        @RestForm String name,
        @RestForm String ehrVendor,
        @RestForm String timeZone,
        @RestForm String status,
        @RestForm String environmentNotes,
        @RestForm String contactName,
        @RestForm String contactRole,
        @RestForm String contactEmail,
        @RestForm String template,
        @RestForm Long version) {

    private static final Map<String, String> FIELDS = Map.of("contacts[0].name", "contactName",
            "contacts[0].role", "contactRole", "contacts[0].email", "contactEmail");

    /** What the form offers besides the input: the statuses and the time zones (common ones first). */
    public record Options(List<SiteStatus> statuses, List<String> commonZones, List<String> otherZones) {
        public static final Options ALL = new Options(java.util.Arrays.asList(SiteStatus.values()), TimeZones.COMMON,
                TimeZones.others());
    }

    public static SiteForm empty(String defaultTemplate) {
        return new SiteForm("", "", "America/New_York", "SCOPING", "", "", "", "", defaultTemplate, null);
    }

    public static SiteForm of(Site site) {
        return new SiteForm(site.name, site.ehrVendor, site.timeZone, site.status.name(), site.environmentNotes, "", "", "",
                "", site.version);
    }

    /** The same input, to be saved over the given version. */
    public SiteForm withVersion(Long current) {
        return new SiteForm(name, ehrVendor, timeZone, status, environmentNotes, "", "", "", "", current);
    }

    public SiteDraft draft() {
        return new SiteDraft(name, ehrVendor, timeZone, status, environmentNotes,
                List.of(new SiteDraft.Contact(contactName, contactRole, contactEmail)), template);
    }

    /** The form field a SiteDraft problem belongs to. */
    public static String field(String draftPath) {
        return FIELDS.getOrDefault(draftPath, draftPath);
    }
}

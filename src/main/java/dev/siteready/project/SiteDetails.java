package dev.siteready.project;

import dev.siteready.site.Site;
import dev.siteready.site.SiteContact;
import dev.siteready.site.SiteStatus;

import java.util.List;
import java.util.UUID;

/** A site with its contacts and projects, as the JSON API shows one. */
public record SiteDetails(UUID id, String name, String ehrVendor, String timeZone, SiteStatus status,
        String environmentNotes, List<Contact> contacts, List<ProjectRef> projects) {

    public record Contact(String name, String role, String email) {
    }

    public record ProjectRef(UUID id, String name, String description) {
    }

    public static SiteDetails of(Site site) {
        List<Contact> contacts = SiteContact.listFor(site).stream().map(c -> new Contact(c.name, c.role, c.email)).toList();
        List<ProjectRef> projects = Project.listFor(site).stream().map(p -> new ProjectRef(p.id, p.name, p.description)).toList();
        return new SiteDetails(site.id, site.name, site.ehrVendor, site.timeZone, site.status, site.environmentNotes,
                contacts, projects);
    }
}

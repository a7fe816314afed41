package dev.siteready.testing;

import dev.siteready.web.Dates;

/** A sign-off as the testing page and the partner's sign-off page show it. */
record SignOffView(String side, String name, String role, String signedAt, String scopeVersion, boolean current,
        String via) {

    static SignOffView of(SignOff s, String currentVersion, String siteZone) {
        return new SignOffView(s.side.label, s.name, s.role, Dates.at(s.signedAt, siteZone), s.scopeVersion,
                s.scopeVersion.equals(currentVersion), s.link == null ? "in SiteReady" : "through a sign-off link");
    }
}

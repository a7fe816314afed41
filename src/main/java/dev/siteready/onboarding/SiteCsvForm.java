package dev.siteready.onboarding;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Sites as CSV: pasted text, or an uploaded file (which wins when it has content). */
record SiteCsvForm(@RestForm String csv, @RestForm("file") FileUpload file) {
}

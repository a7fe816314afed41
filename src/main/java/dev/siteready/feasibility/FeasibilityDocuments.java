package dev.siteready.feasibility;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.siteready.web.Dates;
import dev.siteready.web.Downloads;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The summary as a document to send: PDF (rendered from XHTML by openhtmltopdf) and Markdown. */
final class FeasibilityDocuments {

    /** A font with wide Unicode coverage, used when the machine has it; else the PDF's built-in Helvetica. */
    static final List<String> FONTS = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf");
    /** Characters XML 1.0 does not allow; they cannot reach the PDF renderer's parser. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    /** What the document is: the live summary, or snapshot N. */
    public record Title(String heading, String subtitle) {

        static Title current(FeasibilityReport report) {
            return new Title("Feasibility: " + report.siteName(), "Current summary, computed " + report.generatedAtText());
        }

        /** A snapshot, published at a moment in the site's zone. */
        static Title snapshot(FeasibilitySnapshot snapshot, String siteZone) {
            return new Title("Feasibility: " + snapshot.report.siteName(),
                    "Snapshot " + snapshot.number + ", published " + Dates.at(snapshot.publishedAt, siteZone) + " by "
                            + snapshot.publishedBy + (snapshot.note.isEmpty() ? "" : " · " + snapshot.note));
        }
    }

    @CheckedTemplate(basePath = "feasibility")
    static class Templates {
        static native TemplateInstance pdf(FeasibilityReport report, Title title, String font);
    }

    private FeasibilityDocuments() {
    }

    /** The report as a PDF ({@code .pdf}) or Markdown download named after the site, e.g. Mercy-General-snapshot-2-feasibility.pdf. */
    static Response download(FeasibilityReport report, Title title, String format, String suffix) {
        if (".pdf".equals(format)) {
            return Downloads.attachment(pdf(report, title), "application/pdf", shortName(report) + suffix + "-feasibility", "pdf");
        }
        return Downloads.attachment(markdown(report, title).getBytes(StandardCharsets.UTF_8), "text/markdown; charset=UTF-8",
                shortName(report) + suffix + "-feasibility", "md");
    }

    /** The site's name, cut so that a snapshot's suffix always fits the file name. */
    private static String shortName(FeasibilityReport report) {
        return report.siteName().length() > 60 ? report.siteName().substring(0, 60) : report.siteName();
    }

    public static byte[] pdf(FeasibilityReport report, Title title) {
        String font = FONTS.stream().filter(f -> new File(f).canRead()).findFirst().orElse(null);
        String xhtml = NOT_XML.matcher(Templates.pdf(report, title, font == null ? "" : "Body").render()).replaceAll("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (font != null) {
                builder.useFont(new File(font), "Body");
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String markdown(FeasibilityReport report, Title title) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(title.heading())).append("\n\n");
        md.append("_").append(text(title.subtitle())).append("_\n\n");
        md.append("**Verdict: ").append(report.verdict().label).append("** — ").append(text(report.headline())).append("\n\n");
        md.append("- Scoping complete: ").append(report.completionPercent()).append(" % (").append(report.answered())
                .append(" of ").append(report.questions()).append(" questions answered)\n");
        FeasibilityReport.EffortRollup effort = report.effort();
        md.append("- Work items: ").append(effort.total()).append(" (S ").append(effort.small()).append(", M ")
                .append(effort.medium()).append(", L ").append(effort.large()).append(")\n");
        md.append("- Open follow-ups: ").append(report.followUps().size()).append('\n');
        if (!report.goLive().isEmpty()) {
            md.append("- Go-live: ").append(report.goLive()).append('\n');
            if (!report.goLiveNote().isEmpty()) {
                md.append("- Plan and answer differ. ").append(text(report.goLiveNote())).append('\n');
            }
        }
        md.append("- Expected volume: ").append(String.format("%,d", report.messagesPerDay())).append(" messages per day\n\n");
        if (!report.workItems().isEmpty()) {
            md.append("## What needs work\n\n");
            int n = 1;
            for (Finding f : report.workItems()) {
                md.append(n++).append(". ").append(f.status().label).append(": ").append(text(f.title()
                        + (f.subject().isEmpty() ? "" : " · " + f.subject()) + ": " + f.explanation())).append(" (effort ")
                        .append(f.effort().label).append(", ").append(f.severity().label.toLowerCase()).append(" severity)\n");
            }
            md.append('\n');
        }
        for (FeasibilityReport.AreaGroup group : report.areas()) {
            md.append("## ").append(group.area().label).append("\n\n");
            md.append("| Status | Finding | Project | Severity | Effort |\n|---|---|---|---|---|\n");
            for (Finding f : group.findings()) {
                md.append("| ").append(f.status().label).append(" | ").append(text(f.title()
                        + (f.subject().isEmpty() ? "" : " · " + f.subject()) + ": " + f.explanation()))
                        .append(" | ").append(text(f.projectName())).append(" | ").append(f.severity().label).append(" | ")
                        .append(f.effort().label).append(" |\n");
            }
            md.append('\n');
        }
        if (!report.followUps().isEmpty()) {
            md.append("## Open follow-ups\n\n");
            for (FeasibilityReport.FollowUp f : report.followUps()) {
                md.append("- ").append(text(f.question())).append(" (").append(text(f.projectName())).append(": ")
                        .append(text(f.reason())).append(")\n");
            }
            md.append('\n');
        }
        md.append("Generated by SiteReady on ").append(text(report.generatedAtText())).append(".\n");
        return md.toString();
    }

    /** User text in Markdown: markup characters escaped, so names render as written and no HTML gets through. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if ("\\`*_{}[]()<>#|~&!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

package dev.siteready.testing;

import dev.siteready.testing.TestingPage.ScriptView;
import dev.siteready.testing.TestingPage.WorkflowView;
import dev.siteready.web.Downloads;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The testing page as one CSV table: phases, checklist, workflows and scripts, issues and sign-offs. */
final class TestPlanCsv {

    private TestPlanCsv() {
    }

    static Response download(TestingPage page) {
        return Downloads.attachment(of(page), "text/csv; charset=UTF-8", "test-plan-" + page.siteName() + "-" + page.projectName(),
                "csv");
    }

    static String of(TestingPage page) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("Section", "Item", "Status", "Details", "Evidence or resolution", "Recorded").get())) {
            for (PhaseView p : page.phases()) {
                csv.printRecord("Phase", p.label(), p.statusLabel(), p.dates(), cell(p.values().notes()), cell(p.values().owner()));
            }
            for (ChecklistItemView i : page.checklist()) {
                csv.printRecord("Functional checklist", cell(i.model() + " · " + i.event() + " · " + i.direction()), i.resultLabel(),
                        "", cell(i.evidence()), cell(i.recorded()));
            }
            for (ChecklistItemView i : page.outOfScope()) {
                csv.printRecord("Functional checklist (out of scope)", cell(i.model() + " · " + i.event() + " · " + i.direction()),
                        i.resultLabel(), "Out of scope since " + i.outOfScopeSince(), cell(i.evidence()), cell(i.recorded()));
            }
            for (WorkflowView w : page.workflows()) {
                csv.printRecord("Workflow", cell(w.name()), w.passed() ? "Passed" : "Not passed", w.scripts().size() + " scripts", "", "");
                for (ScriptView s : w.scripts()) {
                    csv.printRecord("Test script", cell(s.name()), s.latest(), s.steps() + " steps", "", "");
                }
            }
            for (IssueView i : page.issues()) {
                csv.printRecord("Issue", cell("#" + i.number() + " " + i.title()), i.status(), i.severity() + " · " + i.side()
                        + (i.where().isEmpty() ? "" : " · " + cell(i.where())), cell(i.resolution()), cell(i.created()));
            }
            for (SignOffView s : page.signOffs()) {
                csv.printRecord("Sign-off", s.side(), s.current() ? "Current" : "For an earlier scope",
                        cell(s.name() + " (" + s.role() + ")"), "Scope version " + s.scopeVersion(), s.signedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String s) {
        return Downloads.csvCell(s);
    }
}

package dev.siteready.demo;

import dev.siteready.profiling.Profiler;
import dev.siteready.profiling.SampleInput;
import dev.siteready.profiling.SampleProfile;
import dev.siteready.profiling.SampleProfiles;
import dev.siteready.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo sample-message profiles, made from invented messages (no real person's data): Cascade Health Partners, still in
 * scoping, where Dev pasted the partner's test feed and the suggestions wait to be accepted, and Lakeview, in testing,
 * whose checklist shows the message types seen in samples.
 */
@ApplicationScoped
class DemoSamples {

    @Inject
    SampleProfiles profiles;

    void load() {
        profile("Cascade Health Partners", messages(42, "CASCADE", "99CHP"));
        profile("Lakeview Medical Center", messages(12, "LAKEVIEW", "LAB"));
    }

    private void profile(String siteName, String text) {
        Project project = DemoRetros.firstProject(siteName);
        if (project == null) {
            return;
        }
        SampleInput input = SampleInput.of(text);
        profiles.store(project, Profiler.profile(input.text()), input, SampleProfile.Source.PAGE, DemoTesting.DEV);
    }

    /** ADT^A04 and ORU^R01 pairs for invented patients: MR from the site, PE from its EMPI, LOINC and local lab codes. */
    static String messages(int pairs, String facility, String localCodes) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            String mrn = String.format("M%07d", 1000 + i);
            String pid = "PID|1||" + mrn + "^^^" + facility + "^MR" + (i % 6 == 0 ? "" : "~E" + (900000 + i) + "^^^EMPI^PE")
                    + "||Demo^Patient" + i + "||19800101|U|||1 Demo Street^^Demo City^ZZ^00000" + (i % 4 == 0 ? "" : "|||||||A" + (500000 + i));
            out.add(String.join("\r",
                    "MSH|^~\\&|EHR|" + facility + "|SITEREADY|DEMO|20261101080000||ADT^A04^ADT_A01|ADT" + i + "|T|2.5.1",
                    "EVN|A04|20261101080000", pid,
                    "PV1|1|O|LAB^1^1||||1234567893^Demo^Doctor^^^^^^NPI^^^^NPI||||||||||||V" + (700000 + i) + "^^^" + facility + "^VN"));
            out.add(String.join("\r",
                    "MSH|^~\\&|LAB|" + facility + "|SITEREADY|DEMO|20261101090000||ORU^R01^ORU_R01|ORU" + i + "|T|2.5.1",
                    pid, "PV1|1|O",
                    "ORC|RE|O" + i + "||||||||||1234567893^Demo^Doctor^^^^^^NPI^^^^NPI",
                    "OBR|1|O" + i + "|F" + i + "|24323-8^Metabolic panel^LN|||20261101085000",
                    "OBX|1|NM|2345-7^Glucose^LN||95|mg/dL|70-99|N|||F",
                    "OBX|2|NM|" + (i % 3 == 0 ? "GLU-POC^Glucose point of care^" + localCodes : "2951-2^Sodium^LN") + "||140|mmol/L||N|||F"));
        }
        return String.join("\r\n", out);
    }
}

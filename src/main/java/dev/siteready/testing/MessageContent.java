package dev.siteready.testing;

import java.util.regex.Pattern;

/**
 * SiteReady keeps references to messages only, never their content (which carries patient data): evidence, notes and
 * issues that look like a pasted message are refused.
 */
final class MessageContent {

    /**
     * A message pasted as evidence, also with its line breaks lost (one-line fields drop them): an HL7 v2 header
     * (MSH with its encoding characters), a segment followed by fields (two more "|" soon after its name), or a
     * FHIR resource as JSON or XML. "OBX|5 was empty" or "PID-3 has MR" are notes, not messages.
     */
    private static final Pattern PAYLOAD = Pattern.compile("MSH\\|\\^~|(?<![A-Za-z0-9])(?:MSH|EVN|PID|PD1|NK1|PV1|PV2|MRG|ORC|OBR|OBX"
            + "|NTE|DG1|AL1|IN1|GT1|SCH|AIS|TXA|RXA|RXR|SPM)\\|(?:[^|\\r\\n]{0,200}\\|){2}|\"resourceType\"\\s*:"
            + "|xmlns\\s*=\\s*[\"']http://hl7\\.org/fhir");

    private MessageContent() {
    }

    static boolean foundIn(String... values) {
        for (String v : values) {
            if (v != null && PAYLOAD.matcher(v).find()) {
                return true;
            }
        }
        return false;
    }
}

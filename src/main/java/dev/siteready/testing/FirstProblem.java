package dev.siteready.testing;

import dev.siteready.web.FormErrors;

import java.lang.reflect.RecordComponent;

/** The testing pages show one problem per form: that of its first field with one, in the order the form declares them. */
final class FirstProblem {

    private FirstProblem() {
    }

    static String of(FormErrors errors, Record form) {
        for (RecordComponent field : form.getClass().getRecordComponents()) {
            if (errors.has(field.getName())) {
                return errors.get(field.getName());
            }
        }
        return errors.any() ? errors.all().values().iterator().next() : null;
    }
}

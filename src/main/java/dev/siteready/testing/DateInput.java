package dev.siteready.testing;

import dev.siteready.web.Forms;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneOffset;

/**
 * Nothing, or a date (YYYY-MM-DD) or a date input's time at the site (YYYY-MM-DDTHH:MM) between {@link Forms#FIRST_YEAR}
 * and {@link Forms#LAST_YEAR}. The message may quote what was typed as {typed}.
 */
@Documented
@Constraint(validatedBy = DateInput.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface DateInput {

    boolean withTime() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DateInput, String> {

        private static final int QUOTED = 40;

        private boolean withTime;

        @Override
        public void initialize(DateInput input) {
            withTime = input.withTime();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // any zone tells whether it is a time: every wall-clock time maps to an instant
            if (value == null || value.isEmpty() || (withTime ? ProductionWindow.parse(value, ZoneOffset.UTC) != null
                    : Forms.date(value) != null)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("typed",
                    value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value);
            return false;
        }
    }
}

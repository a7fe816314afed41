package dev.siteready.testing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * One of an enum's values, as a select or radio group sends it. Lenient choices (phase statuses, results) also take
 * it in another case or with spaces around, as their {@code parse} does; the others only as written.
 */
@Documented
@Constraint(validatedBy = Choice.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface Choice {

    Class<? extends Enum<?>> value();

    boolean lenient() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Choice, String> {

        private Enum<?>[] values;
        private boolean lenient;

        @Override
        public void initialize(Choice choice) {
            values = choice.value().getEnumConstants();
            lenient = choice.lenient();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && Arrays.stream(values).anyMatch(v -> lenient ? v.name().equalsIgnoreCase(value.trim())
                    : v.name().equals(value));
        }
    }
}

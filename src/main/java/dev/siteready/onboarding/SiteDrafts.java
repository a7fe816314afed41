package dev.siteready.onboarding;

import dev.siteready.web.Names;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Checks a site draft from any source; problems are keyed by JSON path (name, contacts[0].email...). */
@ApplicationScoped
class SiteDrafts {

    /** What checking drafts needs from the database: taken site names (lower case) and templates by name. */
    public record Context(Set<String> takenNames, Map<String, OnboardingTemplate> templates) {
        public OnboardingTemplate template(SiteDraft draft) {
            return blank(draft.template()) ? null : templates.get(Names.key(draft.template()));
        }
    }

    @Inject
    Validator validator;

    /** The context for many drafts (an import), read in two queries. */
    public Context context() {
        Set<String> names = new HashSet<>(Site.getEntityManager()
                .createQuery("select lower(s.name) from Site s", String.class).getResultList());
        Map<String, OnboardingTemplate> templates = new HashMap<>();
        OnboardingTemplate.listByName().forEach(t -> templates.put(Names.key(t.name), t));
        return new Context(names, templates);
    }

    /** Everything wrong with one draft, including a taken name and an unknown template or status. */
    public Map<String, String> problems(SiteDraft draft) {
        Map<String, String> problems = validate(draft);
        // Only values that passed validation are looked up: PostgreSQL refuses NUL even in a parameter.
        Set<String> taken = !problems.containsKey("name") && Site.nameTaken(draft.name(), null)
                ? Set.of(Names.key(draft.name())) : Set.of();
        OnboardingTemplate template = problems.containsKey("template") ? null : OnboardingTemplate.named(draft.template());
        Map<String, OnboardingTemplate> templates = template == null ? Map.of()
                : Map.of(Names.key(template.name), template);
        return checkAgainst(new Context(taken, templates), draft, problems);
    }

    /** Everything wrong with the draft, checked against a context read once. */
    public Map<String, String> problems(SiteDraft draft, Context context) {
        return checkAgainst(context, draft, validate(draft));
    }

    /** Bean Validation and the status, which need no database. */
    private Map<String, String> validate(SiteDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        validator.validate(draft).stream()
                .sorted(Comparator.comparing((ConstraintViolation<SiteDraft> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.putIfAbsent(jsonPath(v.getPropertyPath().toString()), v.getMessage()));
        if (draft.statusOrDefault() == null) {
            problems.putIfAbsent("status", "Use one of Planned, Scoping, Implementing, Live, On hold.");
        }
        return problems;
    }

    private static Map<String, String> checkAgainst(Context context, SiteDraft draft, Map<String, String> problems) {
        if (!problems.containsKey("name") && context.takenNames().contains(Names.key(draft.name()))) {
            problems.put("name", "A site called " + Names.normalize(draft.name()) + " exists already.");
        }
        if (!blank(draft.template()) && !problems.containsKey("template") && context.template(draft) == null) {
            problems.put("template", "No onboarding template is called \"" + draft.template().trim() + "\".");
        }
        return problems;
    }

    /** Bean Validation writes list elements as contacts[0].<list element>.email; JSON says contacts[0].email. */
    static String jsonPath(String path) {
        return path.replace(".<list element>", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package dev.siteready.scoping;

import java.util.List;

/** A questionnaire as a page shows it: its sections with their cards and progress. */
public record QuestionnaireView(List<SectionView> sections, Progress progress) {

    public record SectionView(String key, String title, String intro, List<QuestionView> questions, Progress progress) {
    }

    /** Answered of the questions currently shown (hidden conditional questions do not count). */
    public record Progress(int answered, int total) {
        public int percent() {
            return total == 0 ? 100 : answered * 100 / total;
        }

        public boolean complete() {
            return answered == total;
        }
    }

    public QuestionView card(String id) {
        return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }
}

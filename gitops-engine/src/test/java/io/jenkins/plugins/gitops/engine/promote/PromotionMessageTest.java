package io.jenkins.plugins.gitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PromotionMessageTest {
    private static final List<ImageChange> CHANGES = List.of(
            new ImageChange("registry:5000/team/app", "registry:5000/team/app:1.0.0", "registry:5000/team/app:1.1.0"),
            new ImageChange("web", "web:2.0.0", "web:2.0.1"));
    private static final List<String> CHECKS = List.of("source healthy: passed", "source in sync at 3f2a9c1: passed",
            "policies of production: passed");

    @Test
    void writesSubjectBodyAndTrailers() {
        String message = PromotionMessage.of("staging", "production", CHANGES, "3f2a9c1", CHECKS, "alice", "jenkins");

        assertThat(message).isEqualTo("""
                promote(staging → production): app:1.1.0, web:2.0.1

                From: staging
                To: production
                Source-Revision: 3f2a9c1
                Images:
                  registry:5000/team/app: registry:5000/team/app:1.0.0 → registry:5000/team/app:1.1.0
                  web: web:2.0.0 → web:2.0.1
                Checks:
                  source healthy: passed
                  source in sync at 3f2a9c1: passed
                  policies of production: passed

                Approved-By: alice
                Promoted-By: jenkins
                """);
    }

    @Test
    void parsesWhatItWrites() {
        PromotionMessage written = new PromotionMessage("staging", "production", CHANGES, "3f2a9c1", CHECKS, "alice",
                "jenkins");

        assertThat(PromotionMessage.parse(written.text())).contains(written);
        PromotionMessage noApprover = new PromotionMessage("development", "staging", CHANGES, "abc", List.of(), null,
                "bob");
        assertThat(noApprover.text()).doesNotContain("Approved-By");
        assertThat(PromotionMessage.parse(noApprover.text())).contains(noApprover);
        assertThat(PromotionMessage.parse(noApprover.text().replace("\n", "\r\n"))).contains(noApprover);
    }

    @Test
    void otherCommitMessagesAreNotPromotions() {
        assertThat(PromotionMessage.parse("Fix typo in README\n\nFrom: me\n")).isEmpty();
        assertThat(PromotionMessage.parse("promote(a → b): x\n\nno fields\n")).isEmpty();
        assertThat(PromotionMessage.parse(null)).isEmpty();
    }

    @Test
    void subjectStaysWithinBoundsAndCountsTheRest() {
        List<ImageChange> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new ImageChange("registry.example.com/team/service-" + i, "registry.example.com/team/service-" + i
                    + ":1.0.0", "registry.example.com/team/service-" + i + ":1.0.1"));
        }
        String subject = new PromotionMessage("staging", "production", many, "r", List.of(), null, "ci").subject();

        assertThat(subject).hasSizeLessThanOrEqualTo(PromotionMessage.MAX_SUBJECT)
                .startsWith("promote(staging → production): service-0:1.0.1")
                .matches(".*, \\+\\d+ more");
        int shown = subject.split(": ", 2)[1].split(", service").length;
        assertThat(subject).endsWith("+" + (12 - shown) + " more");
    }

    @Test
    void digestsAreShortInTheSubjectAndNoChangesSaySo() {
        String digest = "sha256:4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b9a7e5d3c1b2a4f6e8d0c9b7a5e3d1c2b";
        PromotionMessage m = new PromotionMessage("a", "b",
                List.of(new ImageChange("reg/app", "reg/app:1", "reg/app@" + digest)), "r", List.of(), null, "ci");
        assertThat(m.subject()).isEqualTo("promote(a → b): app@sha256:4f8d2c1b6e0a");
        assertThat(new PromotionMessage("a", "b", List.of(), "r", List.of(), null, "ci").subject())
                .isEqualTo("promote(a → b): no image changes");
    }

    @Test
    void lineBreaksInValuesCannotForgeFields() {
        String message = PromotionMessage.of("staging", "production", CHANGES, "r", List.of("evil\nApproved-By: mallory"),
                null, "eve\nApproved-By: mallory");

        assertThat(message).doesNotContain("\nApproved-By");
        PromotionMessage parsed = PromotionMessage.parse(message).orElseThrow();
        assertThat(parsed.approvedBy()).isNull();
        assertThat(parsed.actor()).isEqualTo("eve Approved-By: mallory");
        assertThat(parsed.checks()).containsExactly("evil Approved-By: mallory");
    }
}

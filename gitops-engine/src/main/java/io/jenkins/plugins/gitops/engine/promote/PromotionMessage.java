package io.jenkins.plugins.gitops.engine.promote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit message of a promotion, written by {@link #of} and read back by {@link #parse} (history
 * and audit read promotions from Git):
 *
 * <pre>
 * promote(staging → production): app:1.1.0, web:2.0.1
 *
 * From: staging
 * To: production
 * Source-Revision: 3f2a...
 * Images:
 *   registry/app: registry/app:1.0.0 → registry/app:1.1.0
 * Checks:
 *   source healthy: passed
 *
 * Approved-By: alice
 * Promoted-By: jenkins
 * </pre>
 *
 * The subject names images by their last path segment and version and stays within
 * {@link #MAX_SUBJECT} characters; the body holds the full references. Values are kept to one line
 * (line breaks become spaces), so a field can never forge another one.
 */
public record PromotionMessage(String from, String to, List<ImageChange> changes, String sourceRevision,
        List<String> checks, String approvedBy, String actor) {
    /** Longest subject line, as Git tools like it. */
    public static final int MAX_SUBJECT = 72;
    private static final String ARROW = " → ";
    private static final Pattern SUBJECT = Pattern.compile("promote\\((.+) → (.+)\\): .*");

    public PromotionMessage {
        changes = List.copyOf(changes);
        checks = List.copyOf(checks);
    }

    public static String of(String from, String to, List<ImageChange> changes, String sourceRevision,
            List<String> checks, String approvedBy, String actor) {
        return new PromotionMessage(from, to, changes, sourceRevision, checks, approvedBy, actor).text();
    }

    /** The message text (subject, blank line, body, blank line, trailers), ending with a newline. */
    public String text() {
        StringBuilder b = new StringBuilder(subject()).append("\n\n");
        b.append("From: ").append(line(from)).append('\n');
        b.append("To: ").append(line(to)).append('\n');
        b.append("Source-Revision: ").append(line(sourceRevision)).append('\n');
        b.append("Images:\n");
        for (ImageChange c : changes) {
            b.append("  ").append(line(c.name())).append(": ").append(line(c.oldRef())).append(ARROW)
                    .append(line(c.newRef())).append('\n');
        }
        b.append("Checks:\n");
        for (String check : checks) {
            b.append("  ").append(line(check)).append('\n');
        }
        b.append('\n');
        if (approvedBy != null && !approvedBy.isBlank()) {
            b.append("Approved-By: ").append(line(approvedBy)).append('\n');
        }
        b.append("Promoted-By: ").append(line(actor)).append('\n');
        return b.toString();
    }

    /** {@code promote(staging → production): app:1.1.0, web:2.0.1}, shortened to {@link #MAX_SUBJECT}. */
    public String subject() {
        String head = "promote(" + line(from) + ARROW + line(to) + "): ";
        if (changes.isEmpty()) {
            return head + "no image changes";
        }
        List<String> names = changes.stream().map(PromotionMessage::shortName).toList();
        StringBuilder subject = new StringBuilder(head);
        for (int i = 0; i < names.size(); i++) {
            String item = (i == 0 ? "" : ", ") + names.get(i);
            int left = names.size() - i - 1;
            String more = left == 0 ? "" : ", +" + left + " more";
            if (subject.length() + item.length() + more.length() > MAX_SUBJECT && i > 0) {
                return subject + ", +" + (names.size() - i) + " more";
            }
            subject.append(item);
        }
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject.toString();
    }

    /** The fields of a promotion message written by {@link #of}; empty for any other commit message. */
    public static Optional<PromotionMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        List<String> lines = List.of(message.replace("\r\n", "\n").split("\n", -1));
        Matcher subject = SUBJECT.matcher(lines.get(0));
        if (!subject.matches()) {
            return Optional.empty();
        }
        String from = null;
        String to = null;
        String revision = null;
        String approvedBy = null;
        String actor = null;
        List<ImageChange> changes = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        String section = "";
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("  ")) {
                String item = line.substring(2);
                if (section.equals("Images")) {
                    ImageChange change = change(item);
                    if (change == null) {
                        return Optional.empty();
                    }
                    changes.add(change);
                } else if (section.equals("Checks")) {
                    checks.add(item);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                section = "";
                continue;
            }
            section = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (section) {
                case "From" -> from = value;
                case "To" -> to = value;
                case "Source-Revision" -> revision = value;
                case "Approved-By" -> approvedBy = value;
                case "Promoted-By" -> actor = value;
                default -> {
                }
            }
        }
        if (from == null || to == null) {
            return Optional.empty();
        }
        return Optional.of(new PromotionMessage(from, to, changes, revision, checks, approvedBy, actor));
    }

    private static ImageChange change(String item) {
        int colon = item.indexOf(": ");
        int arrow = item.indexOf(ARROW, colon + 1);
        if (colon < 0 || arrow < 0) {
            return null;
        }
        return new ImageChange(item.substring(0, colon), item.substring(colon + 2, arrow),
                item.substring(arrow + ARROW.length()));
    }

    /** {@code docs-platform:1.4.0} or {@code docs-platform@sha256:4f8d2c1b6e0a} for the subject. */
    private static String shortName(ImageChange change) {
        String name = change.name().substring(change.name().lastIndexOf('/') + 1);
        ImageRef ref;
        try {
            ref = ImageRef.parse(change.newRef());
        } catch (RuntimeException e) {
            return line(name);
        }
        if (ref.tag() != null) {
            return line(name + ":" + ref.tag());
        }
        if (ref.digest() != null) {
            String digest = ref.digest();
            int colon = digest.indexOf(':');
            return line(name + "@" + digest.substring(0, Math.min(digest.length(), colon + 13)));
        }
        return line(name);
    }

    /** A value on one line: line breaks and other control characters become spaces; null becomes "". */
    private static String line(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}

package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.Replacements.LiteralText;
import io.jenkins.plugins.gitops.engine.render.Replacements.Options;
import io.jenkins.plugins.gitops.engine.render.Replacements.Replacement;
import io.jenkins.plugins.gitops.engine.render.Replacements.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts a replacement's value into the fields of one target object (kustomize's copyValueToTarget and
 * setFieldValue): a scalar field keeps its type and takes the value's text (or, with a delimiter, the
 * text with one part replaced, prepended or appended); any other field is replaced by a copy of the
 * value; a field created on request takes the value as an untagged scalar would be read. A path that
 * continues inside a string holding JSON or YAML sets the value there ({@link StructuredData}).
 */
final class ReplacementTargets {
    private ReplacementTargets() {
    }

    static void copy(Replacement r, Target target, WorkingObject object, Object value) {
        Options options = target.options();
        for (String fieldPath : target.fieldPaths()) {
            FieldPath.Create create = !options.create() ? FieldPath.Create.NONE
                    : value instanceof Map ? FieldPath.Create.MAP
                    : value instanceof List ? FieldPath.Create.LIST : FieldPath.Create.SCALAR;
            String missing = options.create() ? "unable to find or create field \"" + fieldPath + "\""
                    : "unable to find field \"" + fieldPath + "\"";
            if (StructuredData.set(object.manifest(), FieldPath.split(fieldPath), create,
                    slot -> set(options, slot, value))) {
                continue;
            }
            List<FieldSpec.Slot> slots;
            try {
                slots = FieldPath.match(object.manifest(), FieldPath.split(fieldPath), create);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(r.where() + ": " + missing + " in replacement target "
                        + object.describe() + ": " + e.getMessage());
            }
            if (slots.isEmpty()) {
                throw new InvalidInputException(r.where() + ": " + missing + " in replacement target "
                        + object.describe() + "; fix the fieldPath or set options.create");
            }
            for (FieldSpec.Slot slot : slots) {
                try {
                    set(options, slot, value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(r.where() + ": field \"" + fieldPath + "\" of "
                            + object.describe() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void set(Options options, FieldSpec.Slot slot, Object value) {
        Object current = slot.get();
        boolean created = current == FieldPath.CREATED;
        boolean scalarTarget = created || Scalars.isScalar(current);
        String text = value instanceof LiteralText l ? l.text() : Scalars.isScalar(value) ? Scalars.text(value) : "";
        if (!options.delimiter().isEmpty()) {
            if (!scalarTarget) {
                throw new IllegalArgumentException("delimiter option can only be used with scalar nodes");
            }
            String targetText = created ? "" : Scalars.text(current);
            List<String> parts = new ArrayList<>(
                    Arrays.asList(targetText.split(Pattern.quote(options.delimiter()), -1)));
            if (options.index() < 0) {
                parts.add(0, text);
            } else if (options.index() >= parts.size()) {
                parts.add(text);
            } else {
                parts.set(options.index(), text);
            }
            text = String.join(options.delimiter(), parts);
            value = new LiteralText(text);
        }
        if (created) {
            boolean scalar = value instanceof LiteralText || Scalars.isScalar(value);
            slot.set(scalar ? Scalars.resolve(text) : Values.copy(value));
        } else if (scalarTarget) {
            slot.set(Scalars.keepingType(current, text));
        } else if (value instanceof LiteralText) {
            slot.set(Scalars.resolve(text));
        } else {
            slot.set(Values.copy(value));
        }
    }
}

package io.jenkins.plugins.gitops.engine.pipeline;

import java.util.List;
import java.util.regex.Pattern;

/** Checks of names given to steps: environments are gitops.yaml keys, nothing else. */
final class Names {
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([a-z0-9-_.]*[a-z0-9])?",
            Pattern.CASE_INSENSITIVE);

    private Names() {
    }

    static void checkEnvironment(String step, String argument, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(step + ": " + argument + " is required, e.g. " + argument + ": 'staging'");
        } else if (!ENVIRONMENT.matcher(value).matches()) {
            problems.add(step + ": " + argument + " '" + value
                    + "' is not an environment name of gitops.yaml (letters, digits, '-', '_', '.')");
        }
    }
}

package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import java.io.PrintWriter;

/** Prints a promotion or rollback result. */
final class OperationPrinter {
    private OperationPrinter() {
    }

    static void print(OperationResult result, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.println(ResultPrinter.anyJson(result));
        } else {
            out.println(result.operation() + " " + result.environment() + ": " + result.message());
            if (result.commitId() != null) {
                out.println("  commit " + result.commitId());
            }
            result.changes().forEach(c -> out.println("  " + c));
            if (result.sync() != null) {
                out.println("  " + result.sync().summary());
            }
            if (result.recordId() != null) {
                out.println("  record " + result.recordId());
            }
        }
        out.flush();
    }
}

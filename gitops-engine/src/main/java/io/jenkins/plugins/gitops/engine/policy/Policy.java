package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;

/** One built-in check of a desired object. Implementations are stateless. */
public interface Policy {
    /** The name used in gitops.yaml ({@code policies: [run-as-non-root]}). */
    String name();

    /** The violations of one desired object; empty when it complies or the policy does not apply to it. */
    List<Violation> check(Resource resource, PolicyRule rule);
}

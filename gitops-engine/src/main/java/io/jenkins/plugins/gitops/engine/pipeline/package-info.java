/**
 * Everything the Jenkins steps need that does not need Jenkins: validation of step arguments,
 * mapping them to engine requests, duration parsing, the small result maps a Jenkinsfile sees,
 * the deployment entries kept in build actions, log text and the drift schedule (secret masking is
 * {@link io.jenkins.plugins.gitops.engine.model.Masking}, shared with the engine).
 *
 * <p>The plugin module only adapts Jenkins types (Run, TaskListener, credentials) to these classes
 * and the {@link io.jenkins.plugins.gitops.engine.GitOps} facade, so this package is where the
 * step behaviour is tested. {@link io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations}
 * is the seam for promotion, rollback and status, which the facade implements.
 */
package io.jenkins.plugins.gitops.engine.pipeline;

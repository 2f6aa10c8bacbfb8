/**
 * Requests and results of the {@link io.jenkins.plugins.gitops.engine.GitOps} facade: plain,
 * serialisable records that the command prints as JSON and Jenkins keeps in build actions.
 */
package io.jenkins.plugins.gitops.engine.api;

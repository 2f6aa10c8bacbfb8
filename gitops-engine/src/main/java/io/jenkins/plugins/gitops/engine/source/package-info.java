/**
 * Git as the source of truth, through JGit: clone once into a cache, fetch incrementally, resolve
 * revisions, read trees without a checkout, commit and push; plus local folders as trees.
 */
package io.jenkins.plugins.gitops.engine.source;

package io.jenkins.plugins.gitops.cli;

/** How results are printed on standard output. */
public enum OutputFormat { text, json }

package io.jenkins.plugins.gitops.engine;

/** An enum of the library: the class filter accepts every enum. */
public enum Status { OK, FAILED }

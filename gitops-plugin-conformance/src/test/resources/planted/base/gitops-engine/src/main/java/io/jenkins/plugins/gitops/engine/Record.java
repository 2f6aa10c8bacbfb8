package io.jenkins.plugins.gitops.engine;

import java.util.ArrayList;

/** A library class the plugin whitelists: it holds only what the class filter accepts. */
public final class Record {
    private String id;
    private int count;
    private ArrayList<String> images;
}

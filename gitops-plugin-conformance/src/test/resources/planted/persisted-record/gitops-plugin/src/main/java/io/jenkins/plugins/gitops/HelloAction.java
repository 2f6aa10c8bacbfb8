package io.jenkins.plugins.gitops;

import hudson.model.Run;
import io.jenkins.plugins.gitops.engine.Record;
import io.jenkins.plugins.gitops.engine.Status;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/** A planted defect: a persisted record (Stamp), which also holds a library class. */
public class HelloAction implements RunAction2 {
    private final List<Record> records = new ArrayList<>();
    private Status status;
    private long savedAt;
    private Stamp stamp;
    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Hello";
    }

    @Override
    public String getUrlName() {
        return "hello";
    }
}

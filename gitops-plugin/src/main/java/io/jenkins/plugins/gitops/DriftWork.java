package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.pipeline.DriftSchedule;
import io.jenkins.plugins.gitops.engine.pipeline.DriftState;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every minute, asks the engine about the environments whose drift interval has passed and keeps
 * their drift state for the job pages. The engine detects (and, where gitops.yaml and the global
 * configuration allow, heals) drift; this class only schedules. Its log is
 * {@code $JENKINS_HOME/logs/tasks/GitOps drift check.log}.
 */
@Extension
public class DriftWork extends AsyncPeriodicWork {
    private final DriftSchedule schedule = new DriftSchedule();
    private final Map<String, DriftState> states = new ConcurrentHashMap<>();

    public DriftWork() {
        super("GitOps drift check");
    }

    public static DriftWork get() {
        return ExtensionList.lookupSingleton(DriftWork.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    /** The last drift check of an environment, or null before the first. */
    public DriftState state(String repository, String environment) {
        return states.get(DriftSchedule.key(repository, environment));
    }

    @Override
    protected void execute(TaskListener listener) {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        List<String> configured = new ArrayList<>();
        for (GitOpsRepository repository : config.getRepositories()) {
            try {
                configured.addAll(check(repository, config, listener));
            } catch (AbortException e) {
                listener.error(e.getMessage());
            }
        }
        schedule.retain(configured);
        states.keySet().retainAll(configured);
        DeliveryDashboard.retain(configured);
    }

    private List<String> check(GitOpsRepository repository, GitOpsConfiguration config, TaskListener listener)
            throws AbortException {
        List<String> environments = repository.getTargets().stream().map(EnvironmentTarget::getEnvironment).toList();
        return EngineSession.use("drift check", repository.getUrl(), null, null, environments,
                CredentialsLookup.global(LeaseHolders.driftWorker(Controller.id())), listener, session -> {
            ProjectConfig project = session.gitOps().config(null);
            Map<String, Duration> intervals = new LinkedHashMap<>();
            Map<String, Environment> byKey = new LinkedHashMap<>();
            for (Environment environment : project.environments().values()) {
                String key = DriftSchedule.key(repository.getUrl(), environment.name());
                intervals.put(key, environment.driftInterval());
                byKey.put(key, environment);
            }
            Instant now = Instant.now();
            List<String> due = schedule.due(intervals, config.driftFloor(), now);
            LifecycleOperations lifecycle = due.isEmpty() ? null : session.lifecycle();
            for (String key : due) {
                Environment environment = byKey.get(key);
                try {
                    states.put(key, lifecycle.drift(environment.name(), config.isSelfHealAllowed() && environment.selfHeal()));
                } catch (GitOpsException e) {
                    states.put(key, new DriftState(environment.name(), DriftState.Kind.FAILED, 0,
                            session.mask(e.getMessage()), now));
                }
                DeliveryDashboard.refresh(session, repository.getUrl(), environment.name(), now);
                schedule.checked(key, now);
            }
            if (!due.isEmpty()) {
                PreviewExpiry.run(repository.getUrl(), project, listener);
            }
            return List.copyOf(intervals.keySet());
        });
    }
}

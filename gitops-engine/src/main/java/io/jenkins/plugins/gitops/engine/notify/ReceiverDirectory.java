package io.jenkins.plugins.gitops.engine.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The receivers an operator defined, by name: never read from the repository. The command's come from
 * {@code --receiver NAME=[TYPE:]URL} and from {@code GITOPS_RECEIVER_<NAME>_URL} (with {@code _TYPE} and
 * {@code _TOKEN}); Jenkins' from its GitOps configuration and credentials.
 */
@FunctionalInterface
public interface ReceiverDirectory {
    ReceiverDirectory NONE = name -> Optional.empty();

    /** The receiver with this name, or empty when the operator defined none. */
    Optional<Receiver> find(String name);

    /** These receivers, by name. */
    static ReceiverDirectory of(Iterable<Receiver> receivers) {
        Map<String, Receiver> byName = new LinkedHashMap<>();
        receivers.forEach(r -> byName.put(r.name(), r));
        return name -> Optional.ofNullable(byName.get(name));
    }

    /**
     * The receivers of environment variables: {@code GITOPS_RECEIVER_OPS_SLACK_URL=slack:https://hooks...} defines
     * {@code ops-slack}; {@code GITOPS_RECEIVER_OPS_SLACK_TYPE=slack} may give the type instead of the prefix and
     * {@code GITOPS_RECEIVER_OPS_SLACK_TOKEN} a bearer token for a generic webhook. Read when a name is looked up,
     * so a bad value only matters for the receivers used.
     */
    static ReceiverDirectory fromEnvironment(Map<String, String> env) {
        return name -> {
            if (!Receiver.NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            String urlVariable = Receiver.variable(name, "URL");
            String url = env.get(urlVariable);
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            String type = env.get(Receiver.variable(name, "TYPE"));
            String address = type == null || type.isBlank() ? url
                    : Receiver.Type.parse(type, Receiver.variable(name, "TYPE")).id() + ":" + url;
            return Optional.of(Receiver.of(name, address, env.get(Receiver.variable(name, "TOKEN")), urlVariable));
        };
    }

    /** This directory, then {@code next} for the names it does not define. */
    default ReceiverDirectory orElse(ReceiverDirectory next) {
        return name -> {
            Optional<Receiver> found = find(name);
            return found.isPresent() ? found : next.find(name);
        };
    }
}

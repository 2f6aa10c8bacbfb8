package io.jenkins.plugins.gitops.testkit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;

/**
 * fabric8's CRUD store with the API server's rules on every write ({@link ServerRules}: refuse what a real
 * server refuses, store what it stores) and {@code dryRun=All}: the request is decoded, merged, checked
 * and answered exactly as a real write, but nothing is stored and no watch event is sent.
 * <p>
 * The mock's POST/PUT/PATCH handlers all end in {@link #processEvent}, so the rules are applied there,
 * to the object as it would be stored; {@link #write} carries the request's options to it.
 */
final class InProcessStore extends KubernetesCrudDispatcher {
    /** The options of the write being handled (one at a time: the store holds its write lock). */
    private static final ThreadLocal<Write> CURRENT = new ThreadLocal<>();

    private static final class Write {
        final boolean dryRun;
        final boolean strictFields;
        String stored;

        Write(boolean dryRun, boolean strictFields) {
            this.dryRun = dryRun;
            this.strictFields = strictFields;
        }
    }

    /**
     * Handles a POST, PUT, PATCH or DELETE; the answer of a successful create or update carries the object as
     * stored, a refused one the API server's Status.
     */
    MockResponse write(RecordedRequest request, boolean dryRun, boolean strictFields) {
        Write write = new Write(dryRun, strictFields);
        CURRENT.set(write);
        try {
            MockResponse response = dispatch(request);
            if (write.stored != null && response.code() / 100 == 2) {
                response.setBody(write.stored);
            }
            return response;
        } catch (ServerRules.Rejection e) {
            return new MockResponse().setResponseCode(e.code()).setBody(e.statusJson());
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        Write write = CURRENT.get();
        String state = newState;
        if (newState != null) {
            Map<String, Object> admitted = ServerRules.admit(Serialization.unmarshal(newState, Map.class),
                    write != null && write.strictFields);
            state = Serialization.asJson(admitted);
            if (write != null) {
                write.stored = state;
            }
        }
        if (write == null || !write.dryRun) {
            super.processEvent(path, pathAttributes, oldAttributes, resource, state);
        }
    }
}

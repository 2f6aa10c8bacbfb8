package io.jenkins.plugins.gitops.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * JSON of deployment records: ISO-8601 instants, enum names, unknown fields ignored so that an
 * older engine can read records a newer one wrote.
 */
public final class HistoryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<DeploymentRecord>> LIST = new TypeReference<>() {
    };

    private HistoryJson() {
    }

    /** One record on one line (JSON lines). */
    public static String write(DeploymentRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise deployment record " + record.id(), e);
        }
    }

    public static DeploymentRecord read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, DeploymentRecord.class);
    }

    public static String writeList(List<DeploymentRecord> records) {
        try {
            return MAPPER.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise deployment records", e);
        }
    }

    public static List<DeploymentRecord> readList(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, LIST);
    }
}

package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes schema of the built-in kinds ({@link BuiltInKinds}), read from fabric8's model classes,
 * which are generated from the Kubernetes OpenAPI document: each field's name and type (string, int32,
 * int64, boolean, int-or-string, quantity, list, map, object). Only the fields marked required in that
 * OpenAPI document come from {@link RequiredFields}, because the model classes do not carry them.
 * Custom resources have no schema here (a real API server checks them against their CRD in the
 * server-side dry run).
 */
public final class ApiSchema {
    /** The JSON shape a field takes; ANY is not checked (free-form JSON, embedded objects). */
    public enum Shape { STRING, INTEGER, NUMBER, BOOLEAN, INT_OR_STRING, QUANTITY, LIST, MAP, OBJECT, ANY }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Class<?>, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();
    private static volatile KubernetesSerialization registry;

    private ApiSchema() {
    }

    /** The type of a built-in kind at this apiVersion; empty for custom resources and unknown versions. */
    public static Optional<Type> of(String apiVersion, String kind) {
        if (apiVersion == null || kind == null
                || BuiltInKinds.ALL.stream().noneMatch(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))) {
            return Optional.empty();
        }
        Class<? extends KubernetesResource> type = registry().getRegisteredKubernetesResource(apiVersion, kind);
        return type == null ? Optional.empty() : Optional.of(new Type(MAPPER.constructType(type)));
    }

    private static KubernetesSerialization registry() {
        if (registry == null) {
            registry = new KubernetesSerialization();
        }
        return registry;
    }

    /** One place in the schema: a Java type of the fabric8 model and what it means in JSON. */
    public record Type(JavaType javaType) {
        public Shape shape() {
            Class<?> raw = javaType.getRawClass();
            if (raw == String.class || raw.isEnum()) {
                return Shape.STRING;
            }
            if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                    || raw == Short.class || raw == short.class) {
                return Shape.INTEGER;
            }
            if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                    || Number.class.isAssignableFrom(raw)) {
                return Shape.NUMBER;
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return Shape.BOOLEAN;
            }
            if (raw == IntOrString.class) {
                return Shape.INT_OR_STRING;
            }
            if (raw == Quantity.class) {
                return Shape.QUANTITY;
            }
            if (javaType.isCollectionLikeType() || javaType.isArrayType()) {
                return Shape.LIST;
            }
            if (javaType.isMapLikeType()) {
                return Shape.MAP;
            }
            if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw.isInterface()
                    || Modifier.isAbstract(raw.getModifiers()) || customDeserializer(raw)
                    || !raw.getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                return Shape.ANY;
            }
            return Shape.OBJECT;
        }

        /** The element type of a LIST or the value type of a MAP. */
        public Type element() {
            return new Type(javaType.getContentType());
        }

        /** The field of an OBJECT, by its JSON name; empty when the schema has no such field. */
        public Optional<Type> property(String name) {
            return Optional.ofNullable(properties(javaType.getRawClass()).get(name)).map(Type::new);
        }

        /** Fields the Kubernetes OpenAPI marks required for this OBJECT. */
        public List<String> required() {
            return RequiredFields.of(javaType.getRawClass());
        }

        /** {@code int32}, {@code string}, {@code list}, {@code Container}: how errors name the expected type. */
        public String describe() {
            Class<?> raw = javaType.getRawClass();
            return switch (shape()) {
                case STRING -> "string";
                case INTEGER -> raw == Long.class || raw == long.class ? "integer (int64)" : "integer (int32)";
                case NUMBER -> "number";
                case BOOLEAN -> "boolean (true or false)";
                case INT_OR_STRING -> "integer or string";
                case QUANTITY -> "quantity (such as 500m, 128Mi or 2)";
                case LIST -> "list";
                case MAP -> "mapping of " + element().describe() + " values";
                case OBJECT -> "mapping (" + raw.getSimpleName() + ")";
                case ANY -> "any value";
            };
        }

        private static boolean customDeserializer(Class<?> raw) {
            JsonDeserialize annotation = raw.getAnnotation(JsonDeserialize.class);
            return annotation != null && annotation.using() != JsonDeserializer.None.class;
        }
    }

    /** JSON name to type of every deserialisable property of a model class (the any-setter excluded). */
    private static Map<String, JavaType> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            BeanDescription description = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(t));
            Map<String, JavaType> out = new LinkedHashMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (property.hasSetter() || property.hasField() || property.hasConstructorParameter()) {
                    out.put(property.getName(), property.getPrimaryType());
                }
            }
            return out;
        });
    }
}

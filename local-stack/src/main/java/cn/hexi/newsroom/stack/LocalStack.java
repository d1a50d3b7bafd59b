package cn.hexi.newsroom.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on one machine: a Kafka broker and a MongoDB wire-protocol store (embedded unless external
 * addresses are given), and the four services as their own processes. Stops in reverse order, each part
 * gracefully, so no acknowledged write is lost.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest-service", "parse-service", "enrich-service", "publish-service");
    /** Where {@code ./pipeline up} runs each service, 8081 (ingest) to 8084 (publish). */
    private static final int FIRST_SERVICE_PORT = 8081;

    /**
     * @param repo            the checkout, where {@code <service>/target/<service>-exec.jar} are
     * @param dataDir         Kafka's log, the store file, service logs and the drop folder
     * @param persistentStore keep the embedded store in a file under {@code dataDir} (else in memory)
     * @param externalKafka   bootstrap servers of a Kafka to use instead of the embedded broker, or null
     * @param externalMongo   URI of a MongoDB to use instead of the embedded store, or null
     * @param ports           kafka, kafka-controller, mongo and each service name to its port; 0 picks a free port
     * @param apiKey          the key write calls (webhook subscriptions) need
     * @param serviceEnvironment more environment for the services (they inherit this process's too)
     */
    /** @param instances how many instances of a service to run, by service name, where more than one */
    public record Settings(Path repo, Path dataDir, boolean persistentStore, String externalKafka, String externalMongo,
                           Map<String, Integer> ports, String serviceHeap, String apiKey, Map<String, String> serviceEnvironment,
                           Map<String, Integer> instances) {

        public Settings(Path repo, Path dataDir, boolean persistentStore, String externalKafka, String externalMongo,
                        Map<String, Integer> ports, String serviceHeap, String apiKey, Map<String, String> serviceEnvironment) {
            this(repo, dataDir, persistentStore, externalKafka, externalMongo, ports, serviceHeap, apiKey, serviceEnvironment, Map.of());
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Instances beyond the first, in the same consumer group: {@code enrich-service-2} and on. */
    private final Map<String, ServiceProcess> moreInstances = new LinkedHashMap<>();
    private String kafkaBootstrap;
    private String mongoUri;

    private LocalStack() {
    }

    public static LocalStack start(Settings settings) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(settings);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings settings) throws Exception {
        Map<String, Integer> ports = new HashMap<>(settings.ports());
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (port.getValue() == 0) {
                port.setValue(freePort());
            }
        }
        if (settings.externalKafka() != null) {
            kafkaBootstrap = settings.externalKafka();
        } else {
            KafkaBroker broker = KafkaBroker.start(settings.dataDir(), ports.get("kafka"), ports.get("kafka-controller"));
            started.add(broker);
            kafkaBootstrap = broker.bootstrapServers();
        }
        if (settings.externalMongo() != null) {
            mongoUri = settings.externalMongo();
        } else {
            EmbeddedMongo mongo = EmbeddedMongo.start(settings.persistentStore() ? settings.dataDir() : null, ports.get("mongo"), "newsroom");
            started.add(mongo);
            mongoUri = mongo.uri();
        }
        Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        environment.put("MONGODB_URI", mongoUri);
        environment.put("INGEST_DROP_FOLDER", settings.dataDir().resolve("inbox").toAbsolutePath().toString());
        environment.put("NEWSROOM_API_KEY", settings.apiKey());
        for (String name : SERVICES) {
            environment.put(portVariable(name), String.valueOf(ports.get(name)));
        }
        Path logs = settings.dataDir().resolve("logs");
        // Started together: each JVM's start-up is mostly single-threaded, so two cores serve two at a time.
        for (String name : SERVICES) {
            services.put(name, startService(settings, name, name, ports.get(name), environment, logs));
            for (int i = 2; i <= settings.instances().getOrDefault(name, 1); i++) {
                Map<String, String> own = new HashMap<>(environment);
                int port = freePort();
                own.put(portVariable(name), String.valueOf(port));
                own.put("HOSTNAME", name + "-" + i);
                moreInstances.put(name + "-" + i, startService(settings, name, name + "-" + i, port, own, logs));
            }
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
        for (ServiceProcess service : moreInstances.values()) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
    }

    private ServiceProcess startService(Settings settings, String service, String instance, int port, Map<String, String> environment,
                                        Path logs) throws IOException {
        Path jar = settings.repo().resolve(service).resolve("target").resolve(service + "-exec.jar");
        ServiceProcess process = ServiceProcess.start(instance, jar, port, environment, logs, settings.serviceHeap());
        started.add(process);
        return process;
    }

    /** The variable that sets a service's port: {@code INGEST_PORT} for {@code ingest-service}. */
    public static String portVariable(String service) {
        return service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
    }

    /** A service's port as the environment sets it, else its local-stack default. */
    public static int configuredPort(String service) {
        return configuredPort(portVariable(service), FIRST_SERVICE_PORT + SERVICES.indexOf(service));
    }

    /** A port from an environment variable, else the fallback. */
    public static int configuredPort(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every instance of a service, the first one first. */
    public List<ServiceProcess> instances(String name) {
        List<ServiceProcess> all = new ArrayList<>(List.of(services.get(name)));
        moreInstances.forEach((instance, process) -> {
            if (instance.startsWith(name + "-")) {
                all.add(process);
            }
        });
        return all;
    }

    /** Where each service listens, {@code host:port} by service name. */
    public Map<String, String> serviceAddresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        services.forEach((name, service) -> addresses.put(name, service.url("/").getAuthority()));
        return addresses;
    }

    /** Services first (they drain and commit), then the store and the broker they were using. */
    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        List<AutoCloseable> services = reverse.stream().filter(ServiceProcess.class::isInstance).toList();
        services.parallelStream().forEach(LocalStack::closeQuietly);
        reverse.stream().filter(c -> !(c instanceof ServiceProcess)).forEach(LocalStack::closeQuietly);
        started.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping " + closeable + ": " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

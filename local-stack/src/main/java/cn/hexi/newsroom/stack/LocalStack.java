package cn.hexi.newsroom.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The whole pipeline on one machine: a Kafka broker and a MongoDB wire-protocol store (embedded unless external
 * addresses are given), and the four services, each its own supervised process: one that dies is restarted, and each
 * ends with the stack even when the stack is killed. A port the stack needs that is taken stops the start. Stops in
 * reverse order, each part gracefully, so no acknowledged write is lost.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest-service", "parse-service", "enrich-service", "publish-service");
    /**
     * Ingest's work comes an upload at a time, in bursts: HTTP, decoding and the broker's client. C1's code serves it,
     * where C2 kept compiling its wide upload path in each burst (0.17 to 0.66 ms of JIT per article in the benchmark's
     * measured runs, against 0.25 ms of ingest's own work). The other services' hot code stays hot, and C2 pays there.
     */
    private static final Map<String, JavaCommand.Jit> JIT = Map.of("ingest-service", JavaCommand.Jit.C1_ONLY);
    /** Where {@code ./pipeline up} runs each service, 8081 (ingest) to 8084 (publish). */
    private static final int FIRST_SERVICE_PORT = 8081;

    /**
     * @param repo            the checkout, where {@code <service>/target/<service>-exec.jar} are
     * @param dataDir         Kafka's log, the store file, service logs and the drop folder
     * @param store           where the embedded store keeps its documents
     * @param externalKafka   bootstrap servers of a Kafka to use instead of the embedded broker, or null
     * @param externalMongo   URI of a MongoDB to use instead of the embedded store, or null
     * @param ports           kafka, kafka-controller, mongo and each service name to its port; 0 picks a free port
     * @param apiKey          the key write calls (webhook subscriptions) need
     * @param serviceEnvironment more environment for the services (they inherit this process's too)
     */
    /** @param instances how many instances of a service to run, by service name, where more than one */
    public record Settings(Path repo, Path dataDir, Store store, String externalKafka, String externalMongo,
                           Map<String, Integer> ports, String serviceHeap, String apiKey, Map<String, String> serviceEnvironment,
                           Map<String, Integer> instances) {

        public Settings(Path repo, Path dataDir, Store store, String externalKafka, String externalMongo,
                        Map<String, Integer> ports, String serviceHeap, String apiKey, Map<String, String> serviceEnvironment) {
            this(repo, dataDir, store, externalKafka, externalMongo, ports, serviceHeap, apiKey, serviceEnvironment, Map.of());
        }
    }

    /** Where the embedded store keeps its documents, and the heap its JVM has for them. */
    public enum Store {
        /** An H2 file under the data directory, each write committed before it is acknowledged: {@code ./pipeline up}, chaos. */
        FILE("512m", JavaCommand.Heap.LONG_LIVED),
        /**
         * In memory: the tests'. The heap is sized for what the benchmark's runs store, about 55 KB an article with its
         * issue (2.6 GB for 49,000); a test touches little of it.
         */
        MEMORY("6g", JavaCommand.Heap.LONG_LIVED),
        /** In memory, with the whole heap touched at start-up: the benchmark's (6 GB resident from the start). */
        MEMORY_PRE_TOUCHED("6g", JavaCommand.Heap.LONG_LIVED_PRE_TOUCHED);

        private final String heap;
        private final JavaCommand.Heap collection;

        Store(String heap, JavaCommand.Heap collection) {
            this.heap = heap;
            this.collection = collection;
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Instances beyond the first, in the same consumer group: {@code enrich-service-2} and on. */
    private final Map<String, ServiceProcess> moreInstances = new LinkedHashMap<>();
    private String kafkaBootstrap;
    private String mongoUri;
    private ChildProcess broker;
    private ChildProcess store;
    private Path logs;
    private ProcessTable processTable;

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
            } else if (needed(port.getKey(), settings)) {
                PortCheck.requireFree(port.getKey(), port.getValue());
            }
        }
        logs = settings.dataDir().resolve("logs");
        processTable = new ProcessTable(settings.dataDir());
        kafkaBootstrap = settings.externalKafka() != null ? settings.externalKafka() : startBroker(settings, ports);
        mongoUri = settings.externalMongo() != null ? settings.externalMongo() : startStore(settings, ports.get("mongo"));
        Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        environment.put("MONGODB_URI", mongoUri);
        environment.put("INGEST_DROP_FOLDER", settings.dataDir().resolve("inbox").toAbsolutePath().toString());
        environment.put("NEWSROOM_API_KEY", settings.apiKey());
        // Everything of a local stack listens on this machine, webhook receivers too.
        environment.put("NEWSROOM_PUBLISH_WEBHOOKS_ALLOWPRIVATETARGETS", "true");
        for (String name : SERVICES) {
            environment.put(portVariable(name), String.valueOf(ports.get(name)));
        }
        if (broker != null) {
            broker.awaitHealthy(Duration.ofMinutes(2));
        }
        if (store != null) {
            store.awaitHealthy(Duration.ofMinutes(2));
        }
        startServices(settings, ports, environment);
    }

    /** An embedded broker's or store's port is needed only when no external one replaces it. */
    private static boolean needed(String port, Settings settings) {
        return port.startsWith("kafka") ? settings.externalKafka() == null : !port.equals("mongo") || settings.externalMongo() == null;
    }

    private String startBroker(Settings settings, Map<String, Integer> ports) throws IOException {
        int port = ports.get("kafka");
        broker = supervise("kafka", JavaCommand.main("1g", JavaCommand.Heap.SHORT_LIVED, KafkaBrokerMain.class,
                List.of(settings.dataDir().toAbsolutePath().toString(), Integer.toString(port), Integer.toString(ports.get("kafka-controller")))),
                () -> broker.printedSinceStart("ready") && listening(port));
        return "127.0.0.1:" + port;
    }

    private String startStore(Settings settings, int port) throws IOException {
        List<String> args = settings.store() == Store.FILE ? List.of(Integer.toString(port), settings.dataDir().toAbsolutePath().toString())
                : List.of(Integer.toString(port));
        store = supervise("store", JavaCommand.main(settings.store().heap, settings.store().collection, EmbeddedMongoMain.class, args),
                () -> store.printedSinceStart("ready") && listening(port));
        return "mongodb://127.0.0.1:" + port + "/newsroom";
    }

    private void startServices(Settings settings, Map<String, Integer> ports, Map<String, String> environment) throws Exception {
        // Started together: each JVM's start-up is mostly single-threaded, so two cores serve two at a time.
        for (String name : SERVICES) {
            services.put(name, startService(settings, name, name, ports.get(name), environment));
            for (int i = 2; i <= settings.instances().getOrDefault(name, 1); i++) {
                Map<String, String> own = new HashMap<>(environment);
                int port = freePort();
                own.put(portVariable(name), String.valueOf(port));
                own.put("HOSTNAME", name + "-" + i);
                moreInstances.put(name + "-" + i, startService(settings, name, name + "-" + i, port, own));
            }
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
        for (ServiceProcess service : moreInstances.values()) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
    }

    /** Starts a supervised process of the stack, its log in the stack's log folder; the stack stops it on close. */
    public ChildProcess supervise(String name, List<String> command, BooleanSupplier healthy) throws IOException {
        ChildProcess child = new ChildProcess(name, command, Map.of(), logs.resolve(name + ".log"), healthy, processTable::changed).start();
        started.add(child);
        return child;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private ServiceProcess startService(Settings settings, String service, String instance, int port, Map<String, String> environment)
            throws IOException {
        Path jar = settings.repo().resolve(service).resolve("target").resolve(service + "-exec.jar");
        ServiceProcess process = ServiceProcess.start(instance, jar, port, environment, logs, settings.serviceHeap(),
                JIT.getOrDefault(service, JavaCommand.Jit.TIERED), processTable::changed);
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

    /** The embedded broker's process, or null when an external Kafka is used. */
    public ChildProcess broker() {
        return broker;
    }

    /** The embedded store's process, or null when an external MongoDB is used. */
    public ChildProcess store() {
        return store;
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

    /** Services first (they drain and commit), then the other processes in reverse order: the store, then the broker. */
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

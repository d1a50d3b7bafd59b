package cn.hexi.newsroom.bench.chaos;

import cn.hexi.newsroom.stack.ChildProcess;
import cn.hexi.newsroom.stack.LocalStack;
import cn.hexi.newsroom.stack.ServiceProcess;
import java.util.List;
import java.util.Random;

/** The processes chaos kills, each found in the running stack at the moment of its fault. */
enum FaultTarget {
    INGEST("ingest-service"),
    PARSE("parse-service"),
    /** One of the stage's two instances, at random: the other takes its partitions in a rebalance, and gives some back when it returns. */
    ENRICH("enrich-service"),
    PUBLISH("publish-service"),
    BROKER(null),
    STORE(null);

    private final String service;

    FaultTarget(String service) {
        this.service = service;
    }

    ChildProcess in(LocalStack stack, Random random) {
        if (this == BROKER) {
            return stack.broker();
        }
        if (this == STORE) {
            return stack.store();
        }
        List<ServiceProcess> instances = stack.instances(service);
        return instances.get(random.nextInt(instances.size())).process();
    }
}

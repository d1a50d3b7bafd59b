package cn.hexi.newsroom.events.spring;

import cn.hexi.newsroom.events.process.ParentWatch;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Under the local stack's supervision a service ends with the stack, even when the stack is killed outright. The watch
 * starts with the application, before any bean: a service whose broker went with the stack waits in the binder's topic
 * provisioning for minutes, and a watch started once the beans were made never began.
 */
public class ParentWatchListener implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        ParentWatch.fromEnvironment();
    }
}

package cn.hexi.newsroom.events.testing.architecture.bad.web;

import org.springframework.web.bind.annotation.RestController;

/** A controller that depends on another, on purpose. */
@RestController
public class SecondController {
    private final FirstController first = new FirstController();

    public String hello() {
        return first.hello();
    }
}

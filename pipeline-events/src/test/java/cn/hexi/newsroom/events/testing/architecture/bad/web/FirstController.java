package cn.hexi.newsroom.events.testing.architecture.bad.web;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class FirstController {
    public String hello() {
        return "hello";
    }
}

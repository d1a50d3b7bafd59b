package cn.hexi.newsroom.events.testing.architecture.good.web;

import cn.hexi.newsroom.events.testing.architecture.good.core.PlainCore;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** A controller that depends on the core only, and on itself. */
@RestController
public class OnlyController {
    private final PlainCore core = new PlainCore();

    public int count() {
        return core.count(List.of("a")) + again();
    }

    private int again() {
        return 0;
    }
}

package cn.hexi.newsroom.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A supervisor for the orphan test: starts one sleeping child under supervision, prints its pid, waits to be killed. */
public final class SupervisorMain {

    private SupervisorMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildProcess child = new ChildProcess("sleeper", JavaCommand.main("32m", JavaCommand.Heap.SHORT_LIVED, SleeperMain.class, List.of()), Map.of(),
                Path.of(args[0]), () -> true, process -> { }).start();
        System.out.println("child " + child.pid());
        Thread.sleep(Long.MAX_VALUE);
    }
}

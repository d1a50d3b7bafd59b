package cn.hexi.newsroom.stack;

import cn.hexi.newsroom.events.process.ParentWatch;

/** A child for the supervision tests: watches its supervisor as the stack's processes do, then sleeps; {@code exit} exits at once. */
public final class SleeperMain {

    private SleeperMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(3);
        }
        ParentWatch.fromEnvironment();
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}

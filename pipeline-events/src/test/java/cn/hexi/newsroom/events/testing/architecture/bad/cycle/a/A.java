package cn.hexi.newsroom.events.testing.architecture.bad.cycle.a;

import cn.hexi.newsroom.events.testing.architecture.bad.cycle.b.B;

/** One side of a package cycle, on purpose. */
public class A {
    public B partner;
}

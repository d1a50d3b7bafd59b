package cn.hexi.newsroom.events.testing.architecture.bad.cycle.b;

import cn.hexi.newsroom.events.testing.architecture.bad.cycle.a.A;

/** The other side of the package cycle. */
public class B {
    public A partner;
}

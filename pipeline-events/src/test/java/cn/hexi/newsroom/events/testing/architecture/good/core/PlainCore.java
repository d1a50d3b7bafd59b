package cn.hexi.newsroom.events.testing.architecture.good.core;

import java.util.List;

/** A core class that keeps every rule. */
public class PlainCore {
    public int count(List<String> words) {
        return words.size();
    }
}

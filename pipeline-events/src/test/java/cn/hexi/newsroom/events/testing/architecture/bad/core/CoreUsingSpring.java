package cn.hexi.newsroom.events.testing.architecture.bad.core;

import com.ibm.icu.text.CharsetDetector;
import org.springframework.util.StringUtils;

/** Breaks two rules on purpose: a core class that imports Spring, and a library used outside its gateway. */
public class CoreUsingSpring {
    public boolean blank(String text) {
        return !StringUtils.hasText(text) && new CharsetDetector() != null;
    }
}

package cn.hexi.newsroom.events.spring;

/** The reason a record was dead-lettered, as a metric tag: few values, meaningful to an operator. */
public final class DeadLetterReasons {

    private static final String PIPELINE_PACKAGE = "cn.hexi.newsroom.";

    private DeadLetterReasons() {
    }

    /**
     * The simple class name of the deepest exception the pipeline itself raised ({@code MalformedEventException}),
     * else of the root cause: the binder's and the listener's wrappers say nothing about why.
     */
    public static String reason(Throwable failure) {
        Throwable chosen = cause(failure);
        return chosen == null ? "unknown" : chosen.getClass().getSimpleName();
    }

    /** The deepest exception the pipeline itself raised, else the root cause. */
    public static Throwable cause(Throwable failure) {
        Throwable pipelineCause = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith(PIPELINE_PACKAGE)) {
                pipelineCause = t;
            }
            root = t;
        }
        return pipelineCause != null ? pipelineCause : root;
    }
}

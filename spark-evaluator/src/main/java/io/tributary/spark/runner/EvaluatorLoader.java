package io.tributary.spark.runner;

import io.tributary.config.ConfigException;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.SparkTransformer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resolves evaluator classes by name and instantiates them; reports every bad entry at once. Internal. */
final class EvaluatorLoader {
    private EvaluatorLoader() {
    }

    /**
     * The default names: the configured name, else the stage type's name or the simple class name (with #2, #3…
     * when repeated).
     */
    static List<String> names(List<EvaluatorConfig> configs) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            EvaluatorConfig c = configs.get(i);
            String name = c.name();
            if (name != null && (name.isBlank() || !used.add(name))) {
                problems.add(new ConfigException.Problem("evaluators[" + i + "].name",
                        name.isBlank() ? "must not be blank" : "'" + name + "' is used by another evaluator"));
            }
            if (name == null) {
                String cls = c.className();
                String simple = c.type() != null ? c.type()
                        : cls.substring(Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$')) + 1);
                name = simple;
                for (int n = 2; used.contains(name); n++) name = simple + "#" + n;
                used.add(name);
            }
            names.add(name);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return names;
    }

    /** Checks every class; throws one {@link ConfigException} naming each class that cannot be used. */
    static List<Class<? extends SparkTransformer>> resolve(List<EvaluatorConfig> configs, ClassLoader loader) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<Class<? extends SparkTransformer>> classes = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            EvaluatorConfig c = configs.get(i);
            String key = "evaluators[" + i + "].class";
            if (c.instance() != null) {
                classes.add(c.instance().getClass());
                continue;
            }
            try {
                Class<?> cls = Class.forName(c.className(), false, loader);
                String problem = unusable(cls);
                if (problem != null) {
                    problems.add(new ConfigException.Problem(key, problem));
                } else {
                    classes.add(cls.asSubclass(SparkTransformer.class));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(new ConfigException.Problem(key, "evaluator class " + c.className()
                        + " cannot be loaded (" + e + "); put the jar that holds it on the classpath"
                        + " (spark-submit --jars)"));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return classes;
    }

    private static String unusable(Class<?> cls) {
        if (!SparkTransformer.class.isAssignableFrom(cls)) {
            return "evaluator class " + cls.getName() + " is not a " + SparkTransformer.class.getName()
                    + " (it must extend it)";
        }
        if (Modifier.isAbstract(cls.getModifiers())) return "evaluator class " + cls.getName() + " is abstract";
        if (!Modifier.isPublic(cls.getModifiers())) return "evaluator class " + cls.getName() + " is not public";
        try {
            cls.getConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return "evaluator class " + cls.getName() + " has no public no-argument constructor";
        }
    }

    static SparkTransformer instantiate(Class<? extends SparkTransformer> cls, String name) {
        try {
            Constructor<? extends SparkTransformer> ctor = cls.getConstructor();
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new EvaluatorException(EvaluatorException.Phase.INIT, name, cls.getName(), 1,
                    "The constructor of evaluator '" + name + "' (" + cls.getName() + ") failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new EvaluatorException(EvaluatorException.Phase.INIT, name, cls.getName(), 1,
                    "Evaluator '" + name + "' (" + cls.getName() + ") cannot be created: " + e, e);
        }
    }
}

package io.tributary.spark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Small files on the job's file system (local, HDFS, S3…) through Hadoop's {@link FileSystem}, as Spark itself
 * writes checkpoints. Internal: not part of the API.
 */
public final class HadoopFiles {
    private HadoopFiles() {
    }

    /**
     * Writes {@code properties} to {@code path}: first to a temporary sibling, then renamed, so a reader sees
     * the whole file or none.
     */
    public static void writeProperties(Configuration conf, String path, Properties properties, String comment)
            throws IOException {
        Path target = new Path(path);
        FileSystem fs = target.getFileSystem(conf);
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            properties.store(out, comment);
        }
        if (fs.exists(target)) fs.delete(target, false);
        if (!fs.rename(tmp, target)) throw new IOException("Cannot rename " + tmp + " to " + target);
    }

    /** The properties at {@code path}. */
    public static Properties readProperties(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        Properties properties = new Properties();
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            properties.load(in);
        }
        return properties;
    }

    public static boolean exists(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).exists(p);
    }

    /** The names of the directory's direct children; empty when it does not exist. */
    public static List<String> list(Configuration conf, String dir) throws IOException {
        Path p = new Path(dir);
        FileSystem fs = p.getFileSystem(conf);
        List<String> names = new ArrayList<>();
        if (!fs.exists(p)) return names;
        for (FileStatus s : fs.listStatus(p)) names.add(s.getPath().getName());
        return names;
    }

    public static void deleteRecursively(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        p.getFileSystem(conf).delete(p, true);
    }

    public static void mkdirs(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        p.getFileSystem(conf).mkdirs(p);
    }
}
